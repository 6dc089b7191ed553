using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CivilizedUnits;

public sealed record TitleFilter(TitleStatus? Status, TitleLevel? Level, bool? RevocationProposed, DateOnly? ReviewDueBefore);

public sealed record CivilizedUnitSummary(
    Guid Id, string UnitCode, string Name, TitleLevel Level, DateOnly ReviewDeadline, TitleStatus Status, bool RevocationProposed);

/// <summary>Titles by status and level, and the admin's worklists (a veto pending, a review coming up); a unit sees its own.</summary>
public sealed class ListTitles(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<CivilizedUnitSummary>> ExecuteAsync(TitleFilter filter, PageRequest paging, CancellationToken ct)
    {
        var query = db.CivilizedUnits.AsNoTracking().Where(u => !caller.IsUnitScoped || u.UnitCode == caller.UnitId);
        if (filter.Status is { } s) query = query.Where(u => u.Status == s);
        if (filter.Level is { } l) query = query.Where(u => u.Level == l);
        if (filter.RevocationProposed is { } proposed) query = query.Where(u => u.RevocationProposed == proposed);
        if (filter.ReviewDueBefore is { } due) query = query.Where(u => u.ReviewDeadline < due);
        return paging.ApplyAsync(query.OrderBy(u => u.UnitCode),
            u => new CivilizedUnitSummary(u.Id, u.UnitCode, u.Name, u.Level, u.ReviewDeadline, u.Status, u.RevocationProposed), ct);
    }
}

public sealed class GetTitle(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<CivilizedUnit> ExecuteAsync(Guid id, CancellationToken ct) => db.TitleAsync(id, caller, ct);
}
