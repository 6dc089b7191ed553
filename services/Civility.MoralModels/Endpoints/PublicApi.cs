using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Boards;
using Civility.MoralModels.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.MoralModels.Endpoints;

/// <summary>
/// What the public sees without a token: nominations in publicity (公示) and the two boards, identity masked. A
/// nomination suspended by a credit listing is not published; a model black-listed after its commendation is off the
/// boards (<see cref="PublicView"/>).
/// </summary>
public static class PublicApi
{
    /// <param name="UnderObjection">Held by an objection filed during publicity (异议处理中); still shown.</param>
    public sealed record PublicNominationResponse(Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind,
        string NomineeName, string? MaskedIdNumber, string UnitCode, string Deeds, NominationStatus Status,
        DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, DateTimeOffset? CommendedAt,
        string RoundName, int Year, NomineeKind NomineeKind, string? UnitName, string? FamilyMotto, bool UnderObjection);

    /// <param name="PublicityLastDay">The window's last day in the county (公示截止日).</param>
    /// <param name="DaysLeft">County days left after today (0: the window ends today); null once it has closed.</param>
    /// <param name="Votes">Only in a round whose tally is public (<c>tallyPublic</c>); otherwise null.</param>
    public sealed record PublicityNoticeResponse(PublicNominationResponse Nomination, DateOnly? PublicityLastDay, int? DaysLeft,
        bool WindowOpen, PublicVoting Voting, DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt,
        VoteVerification VoteVerification, bool TallyPublic, long? Votes);

    public sealed record BoardYearsResponse(IReadOnlyList<int> Years);

    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/nominations", InPublicityAsync).WithSummary("Nominations in publicity (公示), for objections and votes");
        open.MapGet("/nominations/{id:guid}", NoticeAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One nomination in publicity: its window's last day, days left, objection and vote state");
        open.MapGet("/boards/good-deeds", (ListBoard list, int? year, string? category, int? page, int? pageSize, CancellationToken ct) =>
                BoardAsync(list, Board.GoodDeeds, year, category, page, pageSize, ct))
            .WithSummary("Good-deeds board: commended good people, newest first (filter by round year, category)");
        open.MapGet("/boards/moral", (ListBoard list, int? year, string? category, int? page, int? pageSize, CancellationToken ct) =>
                BoardAsync(list, Board.Moral, year, category, page, pageSize, ct))
            .WithSummary("Moral board: commended models, figures and families, newest first (filter by round year, category)");
        open.MapGet("/boards/good-deeds/years", (ListBoardYears years, CancellationToken ct) => YearsAsync(years, Board.GoodDeeds, ct))
            .WithSummary("The round years with entries on the good-deeds board");
        open.MapGet("/boards/moral/years", (ListBoardYears years, CancellationToken ct) => YearsAsync(years, Board.Moral, ct))
            .WithSummary("The round years with entries on the moral board");
        open.MapGet("/boards/entries/{id:guid}", EntryAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One entry of either board (404 once it is off the boards)");
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

    private static async Task<Ok<PublicityNoticeResponse>> NoticeAsync(Guid id, GetPublicityNotice get, CancellationToken ct)
    {
        var n = await get.ExecuteAsync(id, ct);
        return TypedResults.Ok(new PublicityNoticeResponse(ToResponse(n.Nomination), n.PublicityLastDay, n.DaysLeft, n.WindowOpen,
            n.Voting, n.VotingOpensAt, n.VotingClosesAt, n.VoteVerification, n.TallyPublic, n.Votes));
    }

    private static async Task<Results<Ok<PagedResult<PublicNominationResponse>>, ValidationProblem>> BoardAsync(
        ListBoard list, Board board, int? year, string? category, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        check.Range("year", year, 2000, 2100, required: false);
        var wanted = check.Enum<NominationCategory>("category", category, required: false);
        var onBoard = board == Board.GoodDeeds ? PublicView.GoodDeeds : PublicView.Moral;
        check.Check(wanted is null || onBoard.Contains(wanted.Value), "category", "This board does not list that category.");
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ToResponse(await list.ExecuteAsync(board, new BoardFilter(year, wanted), paging, ct)));
    }

    private static async Task<Ok<BoardYearsResponse>> YearsAsync(ListBoardYears years, Board board, CancellationToken ct) =>
        TypedResults.Ok(new BoardYearsResponse(await years.ExecuteAsync(board, ct)));

    private static async Task<Ok<PublicNominationResponse>> EntryAsync(Guid id, GetBoardEntry get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static PublicNominationResponse ToResponse(PublicNomination n) => new(n.Id, n.RoundId, n.Category, n.GoodPersonKind,
        n.NomineeName, n.MaskedIdNumber, n.UnitCode, n.Deeds, n.Status, n.PublicityStart, n.PublicityEnd, n.CommendedAt, n.RoundName,
        n.Year, n.NomineeKind, n.UnitName, n.FamilyMotto, n.UnderObjection);

    private static PagedResult<PublicNominationResponse> ToResponse(PagedResult<PublicNomination> page) =>
        new(page.Items.Select(ToResponse).ToList(), page.Page, page.PageSize, page.Total);
}
