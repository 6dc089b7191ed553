using System.Linq.Expressions;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Boards;

/// <summary>A nomination as the public sees it, without a token: the identity masked, no nominator, no history.</summary>
public sealed record PublicNomination(Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind,
    string NomineeName, string? MaskedIdNumber, string UnitCode, string Deeds, NominationStatus Status,
    DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, DateTimeOffset? CommendedAt);

/// <summary>The two honour boards: good deeds (好人榜), and moral (道德榜).</summary>
public enum Board
{
    /// <summary>Good people (身边好人).</summary>
    GoodDeeds,

    /// <summary>Moral models, most beautiful figures and civilized families.</summary>
    Moral,
}

internal static class PublicView
{
    public static readonly Expression<Func<Nomination, PublicNomination>> Of = n =>
        new PublicNomination(n.Id, n.RoundId, n.Category, n.GoodPersonKind, n.NomineeName, n.IdMasked, n.UnitCode, n.Deeds,
            n.Status, n.PublicityStart, n.PublicityEnd, n.CommendedAt);
}

/// <summary>Nominations in publicity (公示), suspended ones included, for objections and votes; the latest opened first.</summary>
public sealed class ListInPublicity(MoralModelsDbContext db) : IUseCase
{
    public Task<PagedResult<PublicNomination>> ExecuteAsync(Guid? roundId, PageRequest paging, CancellationToken ct)
    {
        var query = db.Nominations.AsNoTracking().Where(n => n.Status == NominationStatus.InPublicity
            || (n.Status == NominationStatus.Suspended && n.ResumeTo == NominationStatus.InPublicity));
        if (roundId is { } r) query = query.Where(n => n.RoundId == r);
        return paging.ApplyAsync(query.OrderByDescending(n => n.PublicityStart).ThenBy(n => n.Id), PublicView.Of, ct);
    }
}

/// <summary>A board's commended models, the latest commended first.</summary>
public sealed class ListBoard(MoralModelsDbContext db) : IUseCase
{
    private static readonly NominationCategory[] GoodDeeds = [NominationCategory.GoodPerson];

    private static readonly NominationCategory[] Moral =
        [NominationCategory.MoralModel, NominationCategory.MostBeautifulFigure, NominationCategory.CivilizedFamily];

    public Task<PagedResult<PublicNomination>> ExecuteAsync(Board board, PageRequest paging, CancellationToken ct)
    {
        var categories = board == Board.GoodDeeds ? GoodDeeds : Moral;
        var query = db.Nominations.AsNoTracking()
            .Where(n => n.Status == NominationStatus.Commended && categories.Contains(n.Category))
            .OrderByDescending(n => n.CommendedAt).ThenBy(n => n.Id);
        return paging.ApplyAsync(query, PublicView.Of, ct);
    }
}
