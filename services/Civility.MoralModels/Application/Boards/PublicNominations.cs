using System.Linq.Expressions;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Boards;

/// <summary>
/// A nomination as the public sees it, without a token: the identity masked, no nominator, no history. The round's
/// name and year and the unit's name come with it, as a board or a notice shows them.
/// </summary>
/// <param name="UnderObjection">Suspended by an objection during publicity (异议处理中): still shown, with its deeds.</param>
public sealed record PublicNomination(Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind,
    string NomineeName, string? MaskedIdNumber, string UnitCode, string Deeds, NominationStatus Status,
    DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, DateTimeOffset? CommendedAt,
    string RoundName, int Year, NomineeKind NomineeKind, string? UnitName, string? FamilyMotto, bool UnderObjection);

/// <summary>Whether the public may vote for a nomination now, as its round's window says.</summary>
public enum PublicVoting
{
    /// <summary>The round has no public vote.</summary>
    None,
    NotOpenYet,
    Open,
    Closed,
}

/// <summary>
/// One nomination in publicity (公示) with what a notice shows: the window's last county day and the county days
/// left, whether an objection holds it, the vote's state and how it is verified, and the votes if the round shows them.
/// </summary>
/// <param name="DaysLeft">County days from today to the window's last day (0: it ends today); null once it has closed.</param>
/// <param name="Votes">The nomination's votes, only in a round that shows its tally to the public.</param>
public sealed record PublicityNotice(PublicNomination Nomination, DateOnly? PublicityLastDay, int? DaysLeft, bool WindowOpen,
    PublicVoting Voting, DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, VoteVerification VoteVerification,
    bool TallyPublic, long? Votes);

/// <summary>The two honour boards: good deeds (好人榜), and moral (道德榜).</summary>
public enum Board
{
    /// <summary>Good people (身边好人).</summary>
    GoodDeeds,

    /// <summary>Moral models, most beautiful figures and civilized families.</summary>
    Moral,
}

/// <summary>What the public may see, in one place, so that every public list and page applies the same rules.</summary>
internal static class PublicView
{
    /// <summary>
    /// In publicity for the public: in its window, or suspended by an objection filed during it (shown as such, deeds
    /// and all). One suspended by a credit listing is not published: a black-listed person "cannot be published".
    /// </summary>
    public static readonly Expression<Func<Nomination, bool>> InPublicity = n => n.Status == NominationStatus.InPublicity
        || (n.Status == NominationStatus.Suspended && n.ResumeTo == NominationStatus.InPublicity
            && n.SuspensionCause == SuspensionCause.Objection);

    /// <summary>On the boards: commended, and not taken off them by a black-listing since (nor revoked).</summary>
    public static readonly Expression<Func<Nomination, bool>> OnBoards = n => n.Status == NominationStatus.Commended
        && n.OffBoardsSince == null;

    public static readonly NominationCategory[] GoodDeeds = [NominationCategory.GoodPerson];

    public static readonly NominationCategory[] Moral =
        [NominationCategory.MoralModel, NominationCategory.MostBeautifulFigure, NominationCategory.CivilizedFamily];

    /// <summary>The public fields, joined with the round and the unit's name: a shape the database can still order and page.</summary>
    public static IQueryable<PublicRow> Project(MoralModelsDbContext db, IQueryable<Nomination> nominations) =>
        from n in nominations
        join r in db.Rounds on n.RoundId equals r.Id
        select new PublicRow
        {
            Id = n.Id, RoundId = n.RoundId, Category = n.Category, GoodPersonKind = n.GoodPersonKind, NomineeName = n.NomineeName,
            MaskedIdNumber = n.IdMasked, UnitCode = n.UnitCode, Deeds = n.Deeds, Status = n.Status, PublicityStart = n.PublicityStart,
            PublicityEnd = n.PublicityEnd, CommendedAt = n.CommendedAt, RoundName = r.Name, Year = r.Year, NomineeKind = n.NomineeKind,
            UnitName = db.Units.Where(u => u.UnitCode == n.UnitCode).Select(u => u.Name).FirstOrDefault(), FamilyMotto = n.FamilyMotto,
            UnderObjection = n.Status == NominationStatus.Suspended,
        };

    public static PublicNomination ToPublic(this PublicRow r) => new(r.Id, r.RoundId, r.Category, r.GoodPersonKind, r.NomineeName,
        r.MaskedIdNumber, r.UnitCode, r.Deeds, r.Status, r.PublicityStart, r.PublicityEnd, r.CommendedAt, r.RoundName, r.Year,
        r.NomineeKind, r.UnitName, r.FamilyMotto, r.UnderObjection);

    public static async Task<PagedResult<PublicNomination>> PageAsync(IQueryable<PublicRow> ordered, PageRequest paging,
        CancellationToken ct)
    {
        var page = await paging.ApplyAsync(ordered, r => r, ct);
        return new PagedResult<PublicNomination>(page.Items.Select(ToPublic).ToList(), page.Page, page.PageSize, page.Total);
    }
}

/// <summary>A row of <see cref="PublicView.Project"/>, before it becomes a <see cref="PublicNomination"/>.</summary>
internal sealed class PublicRow
{
    public Guid Id { get; init; }
    public Guid RoundId { get; init; }
    public NominationCategory Category { get; init; }
    public GoodPersonKind? GoodPersonKind { get; init; }
    public string NomineeName { get; init; } = "";
    public string? MaskedIdNumber { get; init; }
    public string UnitCode { get; init; } = "";
    public string Deeds { get; init; } = "";
    public NominationStatus Status { get; init; }
    public DateTimeOffset? PublicityStart { get; init; }
    public DateTimeOffset? PublicityEnd { get; init; }
    public DateTimeOffset? CommendedAt { get; init; }
    public string RoundName { get; init; } = "";
    public int Year { get; init; }
    public NomineeKind NomineeKind { get; init; }
    public string? UnitName { get; init; }
    public string? FamilyMotto { get; init; }
    public bool UnderObjection { get; init; }
}

/// <summary>Nominations in publicity (公示) for objections and votes, those under objection included; the latest opened first.</summary>
public sealed class ListInPublicity(MoralModelsDbContext db) : IUseCase
{
    public Task<PagedResult<PublicNomination>> ExecuteAsync(Guid? roundId, PageRequest paging, CancellationToken ct)
    {
        var query = db.Nominations.AsNoTracking().Where(PublicView.InPublicity);
        if (roundId is { } r) query = query.Where(n => n.RoundId == r);
        var ordered = PublicView.Project(db, query).OrderByDescending(n => n.PublicityStart).ThenBy(n => n.Id);
        return PublicView.PageAsync(ordered, paging, ct);
    }
}

/// <summary>One nomination in publicity, as its notice shows it; "not found" when the public may not see it.</summary>
public sealed class GetPublicityNotice(MoralModelsDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<PublicityNotice> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var nomination = (await PublicView.Project(db, db.Nominations.AsNoTracking().Where(PublicView.InPublicity).Where(n => n.Id == id))
            .FirstOrDefaultAsync(ct)).OrNotFound("nomination").ToPublic();
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == nomination.RoundId, ct);
        var now = clock.GetUtcNow();
        var windowOpen = nomination.PublicityStart is { } start && nomination.PublicityEnd is { } end && now >= start && now < end;
        // The window's last county day: a window ending at the county's midnight ends with the day before.
        DateOnly? lastDay = nomination.PublicityEnd is { } e ? CountyClock.CountyDate(e.AddTicks(-1)) : null;
        int? daysLeft = windowOpen && lastDay is { } last ? last.DayNumber - clock.CountyToday().DayNumber : null;
        var voting = round.VotingOpensAt is not { } opens || round.VotingClosesAt is not { } closes ? PublicVoting.None
            : now < opens ? PublicVoting.NotOpenYet
            : now >= closes ? PublicVoting.Closed
            : PublicVoting.Open;
        long? votes = round.PublicTally ? await db.Votes.LongCountAsync(v => v.NominationId == id, ct) : null;
        return new PublicityNotice(nomination, lastDay, daysLeft, windowOpen, voting, round.VotingOpensAt, round.VotingClosesAt,
            round.VoteVerification, round.PublicTally, votes);
    }
}

/// <summary>What a board lists: by the round's year (评选年度) and by category, both optional.</summary>
public sealed record BoardFilter(int? Year, NominationCategory? Category);

/// <summary>A board's commended models, the latest commended first; those taken off the boards are not on it.</summary>
public sealed class ListBoard(MoralModelsDbContext db) : IUseCase
{
    public Task<PagedResult<PublicNomination>> ExecuteAsync(Board board, BoardFilter filter, PageRequest paging, CancellationToken ct)
    {
        var categories = board == Board.GoodDeeds ? PublicView.GoodDeeds : PublicView.Moral;
        var query = db.Nominations.AsNoTracking().Where(PublicView.OnBoards).Where(n => categories.Contains(n.Category));
        if (filter.Category is { } category) query = query.Where(n => n.Category == category);
        var projected = PublicView.Project(db, query);
        if (filter.Year is { } year) projected = projected.Where(n => n.Year == year);
        return PublicView.PageAsync(projected.OrderByDescending(n => n.CommendedAt).ThenBy(n => n.Id), paging, ct);
    }
}

/// <summary>One entry of either board; "not found" once it is off the boards.</summary>
public sealed class GetBoardEntry(MoralModelsDbContext db) : IUseCase
{
    public async Task<PublicNomination> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await PublicView.Project(db, db.Nominations.AsNoTracking().Where(PublicView.OnBoards).Where(n => n.Id == id))
            .FirstOrDefaultAsync(ct)).OrNotFound("board entry").ToPublic();
}

/// <summary>The years (评选年度) that have entries on a board, newest first, for its filter.</summary>
public sealed class ListBoardYears(MoralModelsDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<int>> ExecuteAsync(Board board, CancellationToken ct)
    {
        var categories = board == Board.GoodDeeds ? PublicView.GoodDeeds : PublicView.Moral;
        return await (from n in db.Nominations.AsNoTracking().Where(PublicView.OnBoards).Where(n => categories.Contains(n.Category))
                      join r in db.Rounds on n.RoundId equals r.Id
                      select r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }
}
