using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.Extensions.Options;

namespace Civility.MoralModels.Application.Voting;

/// <summary>What a vote came to, when it was not refused.</summary>
public abstract record BallotOutcome;

public sealed record BallotCast(DateTimeOffset CastAt) : BallotOutcome;

/// <summary>The round verifies votes by a code sent to the voter's phone, and the vote came without phone or code.</summary>
public sealed record BallotNeedsCode : BallotOutcome;

/// <summary>
/// Casts a public real-name vote (实名投票): one per ID number and one per phone per nomination, in one round trip
/// (<see cref="VoteBallot"/>). Only when the vote was not taken is the reason looked for: 404, closed (422), a code
/// wanting (the caller asks the voter for it), a wrong code (422), or a repeat (409).
/// </summary>
public sealed class CastVote(MoralModelsDbContext db, PersonalDataProtector protector, IOptions<MoralModelsOptions> options,
    TimeProvider clock) : IUseCase
{
    /// <param name="idNumber">The voter's citizen ID number, normalized: only its keyed hash is kept.</param>
    /// <param name="phone">The normalized mobile number the code went to, if the voter gave one.</param>
    /// <param name="code">The 6-digit code, if the voter gave one.</param>
    public async Task<BallotOutcome> ExecuteAsync(Guid nominationId, string idNumber, string? phone, string? code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var phoneHash = phone is null ? null : protector.LookupHash(phone);
        var codeHash = phoneHash is not null && code is { Length: 6 } ? VoteCodes.Hash(protector, nominationId, phoneHash, code) : null;
        var outcome = await VoteBallot.CastAsync(db, nominationId, protector.LookupHash(idNumber), phoneHash, codeHash,
            options.Value.VoteCodes.MaxAttempts, now, ct);
        if (outcome.Inserted) return new BallotCast(now);
        if (!outcome.NominationExists) throw DomainRuleException.NotFound("nomination");
        VotingWindow.EnsureTakesVotes(outcome.Status, outcome.VotingOpensAt, outcome.VotingClosesAt, now);
        if (outcome.Verification == VoteVerification.OneTimeCode && !outcome.CodeAccepted)
        {
            if (codeHash is null) return new BallotNeedsCode();
            throw DomainRuleException.Rule("The code is wrong, has expired or has been used.", "Ask for a new code, then vote with it.");
        }
        throw DomainRuleException.Conflict("This person or this phone has already voted for this nomination.",
            "One vote per person and per mobile number per nomination.");
    }
}
