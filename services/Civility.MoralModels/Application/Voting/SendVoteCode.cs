using Civility.Domain;
using Civility.Domain.PersonalData;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.Extensions.Options;

namespace Civility.MoralModels.Application.Voting;

/// <summary>What asking for a voting code came to.</summary>
public abstract record VoteCodeOutcome;

/// <summary>The code is on its way to the phone (shown masked). Never says whether this phone has voted.</summary>
public sealed record VoteCodeSent(string MaskedPhone, TimeSpan ValidFor, TimeSpan ResendAfter) : VoteCodeOutcome;

/// <summary>The phone had a code a moment ago, or too many this hour: ask again after <paramref name="RetryAfter"/>.</summary>
public sealed record VoteCodeThrottled(TimeSpan RetryAfter) : VoteCodeOutcome;

/// <summary>The SMS gateway did not take the message; the caller may ask again.</summary>
public sealed record VoteCodeNotSent(string Reason) : VoteCodeOutcome;

/// <summary>
/// Sends a one-time code (验证码) for a vote to a mobile number, in a round that verifies votes by code. The code is
/// stored (hashed) before it is sent, in one statement that also applies the phone's resend throttle.
/// </summary>
public sealed class SendVoteCode(MoralModelsDbContext db, PersonalDataProtector protector, IVerificationCodeSender sender,
    IOptions<MoralModelsOptions> options, TimeProvider clock) : IUseCase
{
    /// <param name="phone">A mainland mobile number, normalized.</param>
    public async Task<VoteCodeOutcome> ExecuteAsync(Guid nominationId, string phone, CancellationToken ct)
    {
        var rules = options.Value.VoteCodes;
        var now = clock.GetUtcNow();
        var code = VoteCodes.NewCode();
        var phoneHash = protector.LookupHash(phone);
        var issue = await VoteCodes.IssueAsync(db, nominationId, phoneHash, VoteCodes.Hash(protector, nominationId, phoneHash, code), rules,
            now, ct);
        if (!issue.NominationExists) throw DomainRuleException.NotFound("nomination");
        VotingWindow.EnsureTakesVotes(issue.Status, issue.VotingOpensAt, issue.VotingClosesAt, now);
        if (issue.Verification != VoteVerification.OneTimeCode)
            throw DomainRuleException.Rule("This round's votes need no code.", "Vote with your name and ID number.");
        if (!issue.Issued) return new VoteCodeThrottled(issue.RetryAfter ?? rules.ResendAfter);
        try
        {
            await sender.SendAsync(phone, code, rules.Lifetime, ct);
        }
        catch (VerificationCodeNotSentException e)
        {
            return new VoteCodeNotSent(e.Message);
        }
        return new VoteCodeSent(Masking.Phone(phone), rules.Lifetime, rules.ResendAfter);
    }
}
