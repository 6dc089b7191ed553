using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Endpoints;

public static class RoundsApi
{
    public sealed record CreateRoundRequest(string? Name, int? Year, int? PublicityDays);

    public sealed record RoundResponse(Guid Id, string Name, int Year, int PublicityDays, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapRoundsApi(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Selection rounds");
        rounds.MapPost("/", CreateAsync).WithSummary("Open a selection round").RequireScope(CivilityScopes.MoralWrite);
        rounds.MapGet("/{id:guid}", GetAsync).WithSummary("One selection round").RequireScope(CivilityScopes.MoralRead);
        rounds.MapGet("/", ListAsync).WithSummary("Selection rounds, newest first").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<RoundResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoundRequest request, MoralModelsDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors["name"] = ["Name is required, at most 200 characters."];
        if (request.Year is not (>= 2000 and <= 2100)) errors["year"] = ["Year is required, between 2000 and 2100."];
        var publicityDays = request.PublicityDays ?? 7;
        if (publicityDays is < 1 or > 30) errors["publicityDays"] = ["Publicity lasts 1 to 30 days."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Rounds.AnyAsync(r => r.Name == name))
            return TypedResults.Problem(title: "A round with this name exists.", detail: name, statusCode: StatusCodes.Status409Conflict);

        var round = new SelectionRound(name, request.Year!.Value, publicityDays, clock.GetUtcNow());
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/moral-models/rounds/{round.Id}", ToResponse(round));
    }

    private static async Task<Results<Ok<RoundResponse>, NotFound>> GetAsync(Guid id, MoralModelsDbContext db) =>
        await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is { } round
            ? TypedResults.Ok(ToResponse(round))
            : TypedResults.NotFound();

    private static async Task<Ok<List<RoundResponse>>> ListAsync(MoralModelsDbContext db) =>
        TypedResults.Ok(await db.Rounds.AsNoTracking().OrderByDescending(r => r.CreatedAt)
            .Select(r => new RoundResponse(r.Id, r.Name, r.Year, r.PublicityDays, r.CreatedAt)).ToListAsync());

    private static RoundResponse ToResponse(SelectionRound round) =>
        new(round.Id, round.Name, round.Year, round.PublicityDays, round.CreatedAt);
}
