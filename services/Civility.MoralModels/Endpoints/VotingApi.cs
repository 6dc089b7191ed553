using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Endpoints;

/// <summary>
/// Public real-name voting (实名投票); the insert path is <see cref="VoteBallot"/>, one round trip per vote.
/// </summary>
public static class VotingApi
{
    public sealed record CastVoteRequest(string? VoterName, string? IdNumber);

    public sealed record VoteResponse(Guid NominationId, DateTimeOffset CastAt);

    public sealed record TallyResponse(Guid NominationId, string NomineeName, NominationCategory Category, long? Votes);

    public sealed record RoundTallyResponse(Guid RoundId, long? TotalVotes, PagedResult<TallyResponse> Nominations);

    private static readonly NominationStatus[] Votable = [NominationStatus.Nominated, NominationStatus.UnderReview, NominationStatus.InPublicity];

    public static RouteGroupBuilder MapVotingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/public/nominations/{id:guid}/votes", CastAsync).WithTags("Public")
            .WithSummary("Cast a real-name vote (anonymous): one per person per nomination").AllowAnonymous();
        api.MapGet("/nominations/{id:guid}/tally", NominationTallyAsync).WithTags("Voting")
            .WithSummary("Votes for one nomination (hidden from a reviewer who has not scored it)").RequireScope(CivilityScopes.MoralRead);
        api.MapGet("/rounds/{id:guid}/tally", RoundTallyAsync).WithTags("Voting")
            .WithSummary("Votes per nomination of a round, most first").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<VoteResponse>, ValidationProblem, NotFound>> CastAsync(
        Guid id, CastVoteRequest request, MoralModelsDbContext db, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        check.Text("voterName", request.VoterName, 100);
        var idNumber = check.CitizenId("idNumber", request.IdNumber);
        if (!check.IsValid) return check.Problem();

        var now = clock.GetUtcNow();
        var outcome = await VoteBallot.CastAsync(db, id, protector.LookupHash(idNumber!), now, ct);
        if (outcome.Inserted) return TypedResults.Created($"/api/moral-models/nominations/{id}/tally", new VoteResponse(id, now));
        if (!outcome.NominationExists) return TypedResults.NotFound();
        if (outcome.VotingOpensAt is not { } opens || outcome.VotingClosesAt is not { } closes || now < opens || now >= closes)
            throw DomainRuleException.Rule("Voting is closed.", outcome.VotingOpensAt is null
                ? "This round has no public vote."
                : $"Votes are taken from {outcome.VotingOpensAt:u} until {outcome.VotingClosesAt:u}.");
        if (!Votable.Contains(outcome.Status))
            throw DomainRuleException.Rule("This nomination takes no votes.", $"It is {Nomination.Kebab(outcome.Status)}.");
        throw DomainRuleException.Conflict("This person has already voted for this nomination.", "One vote per person per nomination.");
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
        if (PageRequest.Validate(page, pageSize) is not { } paging) return TypedResults.ValidationProblem(PageRequest.Errors(page, pageSize));
        if (!await db.Rounds.AnyAsync(r => r.Id == id, ct)) return TypedResults.NotFound();
        var hidden = await ReviewVisibility.HiddenNominationsAsync(db, caller, id, ct);
        var query = db.Nominations.AsNoTracking().Visible(caller).Where(n => n.RoundId == id)
            .Select(n => new { n.Id, n.NomineeName, n.Category, Votes = db.Votes.LongCount(v => v.NominationId == n.Id) })
            .OrderByDescending(x => x.Votes).ThenBy(x => x.Id);
        var total = await query.LongCountAsync(ct);
        var rows = await query.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(r => new TallyResponse(r.Id, r.NomineeName, r.Category, hidden.Contains(r.Id) ? null : r.Votes)).ToList();
        long? roundVotes = hidden.Count == 0 ? await db.Votes.LongCountAsync(v => v.RoundId == id, ct) : null;
        return TypedResults.Ok(new RoundTallyResponse(id, roundVotes, new PagedResult<TallyResponse>(items, paging.Page, paging.PageSize, total)));
    }
}
