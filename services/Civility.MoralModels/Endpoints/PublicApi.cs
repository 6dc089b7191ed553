using Civility.Hosting.Http;
using Civility.Hosting;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Endpoints;

/// <summary>What the public sees without a token: nominations in publicity (公示) and the two boards. Identity masked.</summary>
public static class PublicApi
{
    public sealed record PublicNominationResponse(Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind,
        string NomineeName, string? MaskedIdNumber, string UnitCode, string Deeds, NominationStatus Status,
        DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, DateTimeOffset? CommendedAt);

    /// <summary>Good-deeds board (好人榜): good people. Moral board (道德榜): moral models, most beautiful figures, civilized families.</summary>
    private static readonly NominationCategory[] GoodDeeds = [NominationCategory.GoodPerson];

    private static readonly NominationCategory[] Moral =
        [NominationCategory.MoralModel, NominationCategory.MostBeautifulFigure, NominationCategory.CivilizedFamily];

    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/nominations", InPublicityAsync).WithSummary("Nominations in publicity (公示), for objections and votes");
        open.MapGet("/boards/good-deeds", (MoralModelsDbContext db, int? page, int? pageSize, CancellationToken ct) => BoardAsync(db, GoodDeeds, page, pageSize, ct))
            .WithSummary("Good-deeds board: commended good people, newest first");
        open.MapGet("/boards/moral", (MoralModelsDbContext db, int? page, int? pageSize, CancellationToken ct) => BoardAsync(db, Moral, page, pageSize, ct))
            .WithSummary("Moral board: commended models, figures and families, newest first");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<PublicNominationResponse>>, ValidationProblem>> InPublicityAsync(
        MoralModelsDbContext db, Guid? roundId, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var query = db.Nominations.AsNoTracking().Where(n => n.Status == NominationStatus.InPublicity
            || (n.Status == NominationStatus.Suspended && n.ResumeTo == NominationStatus.InPublicity));
        if (roundId is { } r) query = query.Where(n => n.RoundId == r);
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderByDescending(n => n.PublicityStart).ThenBy(n => n.Id), Select));
    }

    private static async Task<Results<Ok<PagedResult<PublicNominationResponse>>, ValidationProblem>> BoardAsync(
        MoralModelsDbContext db, NominationCategory[] categories, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var query = db.Nominations.AsNoTracking()
            .Where(n => n.Status == NominationStatus.Commended && categories.Contains(n.Category))
            .OrderByDescending(n => n.CommendedAt).ThenBy(n => n.Id);
        return TypedResults.Ok(await paging.ApplyAsync(query, Select, ct));
    }

    private static readonly System.Linq.Expressions.Expression<Func<Nomination, PublicNominationResponse>> Select = n =>
        new PublicNominationResponse(n.Id, n.RoundId, n.Category, n.GoodPersonKind, n.NomineeName, n.IdMasked, n.UnitCode, n.Deeds,
            n.Status, n.PublicityStart, n.PublicityEnd, n.CommendedAt);
}
