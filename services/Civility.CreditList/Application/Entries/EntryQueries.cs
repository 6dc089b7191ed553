using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

/// <summary>One entry with its whole history and its subject (the internal view).</summary>
public sealed class GetEntry(CreditDbContext db) : IUseCase
{
    public async Task<ListEntry> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await db.Entries.AsNoTracking().Include(e => e.History).Include(e => e.Subject).FirstOrDefaultAsync(e => e.Id == id, ct))
        .OrNotFound("entry");
}

public sealed record EntryFilter(Guid? SubjectId, EntryStatus? Status, ListType? ListType, bool? UnderObjection);

public sealed record EntryListItem(Guid Id, Guid SubjectId, string SubjectName, ListType ListType, BlackTier? Tier, string DecisionNumber,
    DateOnly PublishedFrom, DateOnly PublishedUntil, EntryStatus Status, bool UnderObjection, bool FormerlyListed);

/// <summary>Entries by subject, status, list and objection mark, newest first.</summary>
public sealed class ListEntries(CreditDbContext db) : IUseCase
{
    public async Task<PagedResult<EntryListItem>> ExecuteAsync(EntryFilter filter, PageRequest paging, CancellationToken ct)
    {
        var query = db.Entries.AsNoTracking();
        if (filter.SubjectId is { } sid) query = query.Where(e => e.SubjectId == sid);
        if (filter.Status is { } s) query = query.Where(e => e.Status == s);
        if (filter.ListType is { } l) query = query.Where(e => e.ListType == l);
        if (filter.UnderObjection is { } u) query = query.Where(e => e.UnderObjection == u);
        var joined = query.Join(db.Subjects, e => e.SubjectId, s => s.Id, (e, s) => new { e, s })
            .OrderByDescending(x => x.e.CreatedAt).ThenBy(x => x.e.Id);
        var page = await paging.ApplyAsync(joined, x => new
        {
            x.e.Id, x.e.SubjectId, x.s.Name, x.e.ListType, x.e.Tier, x.e.DecisionNumber, x.e.PublishedFrom, x.e.PublishedUntil,
            x.e.Status, x.e.UnderObjection, x.e.ActivatedAt,
        }, ct);
        return new PagedResult<EntryListItem>(page.Items.Select(x => new EntryListItem(
            x.Id, x.SubjectId, x.Name, x.ListType, x.Tier, x.DecisionNumber, x.PublishedFrom, x.PublishedUntil, x.Status, x.UnderObjection,
            x.ActivatedAt is not null && x.Status is EntryStatus.Expired or EntryStatus.Repaired or EntryStatus.Revoked)).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}
