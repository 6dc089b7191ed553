using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Rounds;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Civility.MoralModels.Endpoints;

public static class RoundsApi
{
    public sealed record CreateRoundRequest(string? Name, int? Year, int? PublicityDays, List<string>? Categories,
        DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, string? VoteVerification, bool? PublicTally = null);

    public sealed record RoundResponse(Guid Id, string Name, int Year, int PublicityDays, IReadOnlyList<NominationCategory> Categories,
        DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, VoteVerification VoteVerification, DateTimeOffset CreatedAt,
        bool PublicTally);

    public static RouteGroupBuilder MapRoundsApi(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Selection rounds");
        rounds.MapPost("/", CreateAsync).WithSummary("Open a selection round").RequireScope(CivilityScopes.Admin);
        rounds.MapGet("/{id:guid}", GetAsync).WithSummary("One selection round").RequireScope(CivilityScopes.MoralRead);
        rounds.MapGet("/", ListAsync).WithSummary("Selection rounds, newest first").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<RoundResponse>, ValidationProblem>> CreateAsync(
        CreateRoundRequest request, OpenRound open, IOptions<MoralModelsOptions> options, CancellationToken ct)
    {
        var rules = options.Value;
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var year = check.Range("year", request.Year, 2000, 2100);
        var publicityDays = check.Range("publicityDays", request.PublicityDays ?? 7, rules.MinimumPublicityDays,
            rules.MaximumPublicityDays);
        var categories = new List<NominationCategory>();
        for (var i = 0; i < (request.Categories?.Count ?? 0); i++)
            if (check.Enum<NominationCategory>($"categories[{i}]", request.Categories![i]) is { } c) categories.Add(c);
        if (request.Categories is { Count: 0 }) check.Add("categories", "Name at least one category, or leave it out for all.");
        check.Check(request.VotingOpensAt is null == request.VotingClosesAt is null, "votingClosesAt",
            "A voting window has both an opening and a closing time.");
        check.Check(request.VotingOpensAt is null || request.VotingClosesAt > request.VotingOpensAt, "votingClosesAt",
            "Voting closes after it opens.");
        // A code by text message unless the admin explicitly opts out (a vote taken in person, e.g. in a meeting).
        var verification = check.Enum<VoteVerification>("voteVerification", request.VoteVerification, required: false)
            ?? VoteVerification.OneTimeCode;
        if (!check.IsValid) return check.Problem();

        var round = await open.ExecuteAsync(new RoundPlan(name, year!.Value, publicityDays!.Value, categories.Count > 0 ? categories : null,
            request.VotingOpensAt, request.VotingClosesAt, verification, request.PublicTally ?? false), ct);
        return TypedResults.Created($"/api/moral-models/rounds/{round.Id}", ToResponse(round));
    }

    private static async Task<Ok<RoundResponse>> GetAsync(Guid id, GetRound get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<PagedResult<RoundResponse>>, ValidationProblem>> ListAsync(
        ListRounds list, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var result = await list.ExecuteAsync(year, paging, ct);
        return TypedResults.Ok(new PagedResult<RoundResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize,
            result.Total));
    }

    private static RoundResponse ToResponse(SelectionRound round) => new(round.Id, round.Name, round.Year, round.PublicityDays,
        round.Categories, round.VotingOpensAt, round.VotingClosesAt, round.VoteVerification, round.CreatedAt, round.PublicTally);
}
