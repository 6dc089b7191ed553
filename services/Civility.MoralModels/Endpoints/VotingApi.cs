using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Civility.Domain;
using Civility.Domain.PersonalData;

namespace Civility.MoralModels.Endpoints;

/// <summary>
/// Public real-name voting (实名投票); the insert path is <see cref="VoteBallot"/>, one round trip per vote. In a round
/// that verifies by <see cref="VoteVerification.OneTimeCode"/> (the default) the voter first asks for a code sent to
/// their mobile number, then votes with it: one vote per ID number and one per phone.
/// </summary>
public static class VotingApi
{
    public sealed record CastVoteRequest(string? VoterName, string? IdNumber, string? Phone, string? Code);

    public sealed record VoteCodeRequest(string? Phone);

    /// <summary>Says only that a code is on its way; never whether this phone has voted.</summary>
    public sealed record VoteCodeResponse(Guid NominationId, string Phone, int ValidForSeconds, int ResendAfterSeconds);

    public sealed record VoteResponse(Guid NominationId, DateTimeOffset CastAt);

    public sealed record TallyResponse(Guid NominationId, string NomineeName, NominationCategory Category, long? Votes);

    public sealed record RoundTallyResponse(Guid RoundId, long? TotalVotes, PagedResult<TallyResponse> Nominations);

    private static readonly NominationStatus[] Votable = [NominationStatus.Nominated, NominationStatus.UnderReview, NominationStatus.InPublicity];

    public static RouteGroupBuilder MapVotingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/public/nominations/{id:guid}/vote-codes", SendCodeAsync).WithTags("Public")
            .WithSummary("Send a one-time voting code to a mobile number (anonymous)").AllowAnonymous()
            .WithPublicLimits(PublicLimits.VoteCodes);
        api.MapPost("/public/nominations/{id:guid}/votes", CastAsync).WithTags("Public")
            .WithSummary("Cast a real-name vote (anonymous) with the code: one per person and per phone per nomination").AllowAnonymous()
            .WithPublicLimits(PublicLimits.Votes);
        api.MapGet("/nominations/{id:guid}/tally", NominationTallyAsync).WithTags("Voting")
            .WithSummary("Votes for one nomination (hidden from a reviewer who has not scored it)").RequireScope(CivilityScopes.MoralRead);
        api.MapGet("/rounds/{id:guid}/tally", RoundTallyAsync).WithTags("Voting")
            .WithSummary("Votes per nomination of a round, most first").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Accepted<VoteCodeResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SendCodeAsync(
        Guid id, VoteCodeRequest request, HttpContext http, MoralModelsDbContext db, PersonalDataProtector protector,
        IVerificationCodeSender sender, PublicLimits limits, IOptions<MoralModelsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        var phone = check.MobilePhone("phone", request.Phone);
        if (!check.IsValid) return check.Problem();

        var rules = options.Value.VoteCodes;
        var now = clock.GetUtcNow();
        var code = VoteCodes.NewCode();
        var phoneHash = protector.LookupHash(phone!);
        var issue = await VoteCodes.IssueAsync(db, id, phoneHash, VoteCodes.Hash(protector, id, phoneHash, code), rules, now, ct);
        if (!issue.NominationExists) return TypedResults.NotFound();
        EnsureTakesVotes(issue.Status, issue.VotingOpensAt, issue.VotingClosesAt, now);
        if (issue.Verification != VoteVerification.OneTimeCode)
            throw DomainRuleException.Rule("This round's votes need no code.", "Vote with your name and ID number.");
        if (!issue.Issued)
        {
            limits.CountThrottled(PublicLimits.VoteCodes, PublicLimits.ByPhone);
            return PublicLimits.TooManyRequests(http, issue.RetryAfter ?? rules.ResendAfter, "A code was sent to this phone a moment ago.");
        }
        try
        {
            await sender.SendAsync(phone!, code, rules.Lifetime, ct);
        }
        catch (VerificationCodeNotSentException e)
        {
            return TypedResults.Problem(title: "The code could not be sent.", detail: $"{e.Message} Ask again in a minute.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Accepted((string?)null, new VoteCodeResponse(id, Masking.Phone(phone), (int)rules.Lifetime.TotalSeconds,
            (int)rules.ResendAfter.TotalSeconds));
    }

    private static async Task<Results<Created<VoteResponse>, ValidationProblem, NotFound>> CastAsync(
        Guid id, CastVoteRequest request, MoralModelsDbContext db, PersonalDataProtector protector, IOptions<MoralModelsOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        check.Text("voterName", request.VoterName, 100);
        var idNumber = check.CitizenId("idNumber", request.IdNumber);
        var phone = check.MobilePhone("phone", request.Phone, required: false);
        var code = request.Code?.Trim() ?? "";
        check.Check(code.Length == 0 || (code.Length == 6 && code.All(char.IsAsciiDigit)), "code", "The 6-digit code sent to the phone.");
        if (!check.IsValid) return check.Problem();

        var now = clock.GetUtcNow();
        var phoneHash = phone is null ? null : protector.LookupHash(phone);
        var codeHash = phoneHash is not null && code.Length == 6 ? VoteCodes.Hash(protector, id, phoneHash, code) : null;
        var outcome = await VoteBallot.CastAsync(db, id, protector.LookupHash(idNumber!), phoneHash, codeHash,
            options.Value.VoteCodes.MaxAttempts, now, ct);
        if (outcome.Inserted) return TypedResults.Created($"/api/moral-models/nominations/{id}/tally", new VoteResponse(id, now));
        if (!outcome.NominationExists) return TypedResults.NotFound();
        EnsureTakesVotes(outcome.Status, outcome.VotingOpensAt, outcome.VotingClosesAt, now);
        if (outcome.Verification == VoteVerification.OneTimeCode && !outcome.CodeAccepted)
        {
            if (codeHash is null)
            {
                const string ask = "This round verifies votes by a code sent to your mobile number: ask for one at vote-codes first.";
                if (phone is null) check.Add("phone", ask);
                if (code.Length == 0) check.Add("code", ask);
                return check.Problem();
            }
            throw DomainRuleException.Rule("The code is wrong, has expired or has been used.", "Ask for a new code, then vote with it.");
        }
        throw DomainRuleException.Conflict("This person or this phone has already voted for this nomination.",
            "One vote per person and per mobile number per nomination.");
    }

    private static void EnsureTakesVotes(NominationStatus status, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (opensAt is not { } opens || closesAt is not { } closes || now < opens || now >= closes)
            throw DomainRuleException.Rule("Voting is closed.", opensAt is null
                ? "This round has no public vote."
                : $"Votes are taken from {opensAt:u} until {closesAt:u}.");
        if (!Votable.Contains(status))
            throw DomainRuleException.Rule("This nomination takes no votes.", $"It is {KebabName.Of(status)}.");
    }

    private static async Task<Ok<TallyResponse>> NominationTallyAsync(
        Guid id, MoralModelsDbContext db, CallerContext caller, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().Visible(caller).Where(n => n.Id == id)
            .Select(n => new { n.Id, n.NomineeName, n.Category, n.RoundId }).FirstOrDefaultAsync(ct) ?? throw NominationViews.NotFound();
        var hidden = await ReviewVisibility.HiddenNominationsAsync(db, caller, nomination.RoundId, ct);
        long? votes = hidden.Contains(id) ? null : await db.Votes.LongCountAsync(v => v.NominationId == id, ct);
        return TypedResults.Ok(new TallyResponse(nomination.Id, nomination.NomineeName, nomination.Category, votes));
    }

    private static async Task<Results<Ok<RoundTallyResponse>, ValidationProblem, NotFound>> RoundTallyAsync(
        Guid id, MoralModelsDbContext db, CallerContext caller, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        if (!await db.Rounds.AnyAsync(r => r.Id == id, ct)) return TypedResults.NotFound();
        var hidden = await ReviewVisibility.HiddenNominationsAsync(db, caller, id, ct);
        var query = db.Nominations.AsNoTracking().Visible(caller).Where(n => n.RoundId == id)
            .Select(n => new { n.Id, n.NomineeName, n.Category, Votes = db.Votes.LongCount(v => v.NominationId == n.Id) })
            .OrderByDescending(x => x.Votes).ThenBy(x => x.Id);
        var total = await query.LongCountAsync(ct);
        var rows = await paging.Of(query).ToListAsync(ct);
        var items = rows.Select(r => new TallyResponse(r.Id, r.NomineeName, r.Category, hidden.Contains(r.Id) ? null : r.Votes)).ToList();
        long? roundVotes = hidden.Count == 0 ? await db.Votes.LongCountAsync(v => v.RoundId == id, ct) : null;
        return TypedResults.Ok(new RoundTallyResponse(id, roundVotes, new PagedResult<TallyResponse>(items, paging.Page, paging.PageSize, total)));
    }
}
