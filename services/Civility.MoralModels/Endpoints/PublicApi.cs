using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Boards;
using Civility.MoralModels.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.MoralModels.Endpoints;

/// <summary>What the public sees without a token: nominations in publicity (公示) and the two boards. Identity masked.</summary>
public static class PublicApi
{
    public sealed record PublicNominationResponse(Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind,
        string NomineeName, string? MaskedIdNumber, string UnitCode, string Deeds, NominationStatus Status,
        DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, DateTimeOffset? CommendedAt);

    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/nominations", InPublicityAsync).WithSummary("Nominations in publicity (公示), for objections and votes");
        open.MapGet("/boards/good-deeds", (ListBoard list, int? page, int? pageSize, CancellationToken ct) =>
                BoardAsync(list, Board.GoodDeeds, page, pageSize, ct))
            .WithSummary("Good-deeds board: commended good people, newest first");
        open.MapGet("/boards/moral", (ListBoard list, int? page, int? pageSize, CancellationToken ct) =>
                BoardAsync(list, Board.Moral, page, pageSize, ct))
            .WithSummary("Moral board: commended models, figures and families, newest first");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<PublicNominationResponse>>, ValidationProblem>> InPublicityAsync(
        ListInPublicity list, Guid? roundId, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ToResponse(await list.ExecuteAsync(roundId, paging, ct)));
    }

    private static async Task<Results<Ok<PagedResult<PublicNominationResponse>>, ValidationProblem>> BoardAsync(
        ListBoard list, Board board, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ToResponse(await list.ExecuteAsync(board, paging, ct)));
    }

    private static PagedResult<PublicNominationResponse> ToResponse(PagedResult<PublicNomination> page) => new(
        page.Items.Select(n => new PublicNominationResponse(n.Id, n.RoundId, n.Category, n.GoodPersonKind, n.NomineeName, n.MaskedIdNumber,
            n.UnitCode, n.Deeds, n.Status, n.PublicityStart, n.PublicityEnd, n.CommendedAt)).ToList(),
        page.Page, page.PageSize, page.Total);
}
