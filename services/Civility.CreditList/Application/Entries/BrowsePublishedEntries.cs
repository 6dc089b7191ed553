using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

/// <summary>How the public browses the lists without naming anyone: by list, black-list tier and deciding department.</summary>
public sealed record PublicBrowse(ListType? ListType, BlackTier? Tier, string? DecidingDepartment);

/// <summary>
/// The published lists (信用公示) as anyone may browse them: entries active and published today in the county, with
/// the lawful fields only (people's ID numbers masked); a lifted entry (expired, repaired, revoked) is never among them.
/// </summary>
public sealed class BrowsePublishedEntries(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public Task<PagedResult<PublishedEntry>> ExecuteAsync(PublicBrowse browse, PageRequest paging, CancellationToken ct)
    {
        var today = clock.CountyToday();
        var entries = db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Active && e.PublishedFrom <= today && e.PublishedUntil >= today);
        if (browse.ListType is { } list) entries = entries.Where(e => e.ListType == list);
        if (browse.Tier is { } tier) entries = entries.Where(e => e.Tier == tier);
        if (browse.DecidingDepartment is { } department) entries = entries.Where(e => e.DecidingDepartment == department);
        var published = entries.Join(db.Subjects.AsNoTracking(), e => e.SubjectId, s => s.Id, (e, s) => new { e, s })
            .OrderByDescending(x => x.e.PublishedFrom).ThenBy(x => x.e.Id);
        return paging.ApplyAsync(published, x => new PublishedEntry(
            x.e.Id, x.s.Kind, x.s.Name, x.s.DisplayIdentifier, x.e.ListType, x.e.Tier, x.e.LegalBasisLaw, x.e.LegalBasisArticle, x.e.Facts,
            x.e.DecisionNumber, x.e.DecidingDepartment, x.e.ListingDate, x.e.PublishedFrom, x.e.PublishedUntil), ct);
    }
}

/// <summary>The departments that decided the entries published today, for the public's filter.</summary>
public sealed class ListPublishingDepartments(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<IReadOnlyList<string>> ExecuteAsync(CancellationToken ct)
    {
        var today = clock.CountyToday();
        return await db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Active && e.PublishedFrom <= today && e.PublishedUntil >= today)
            .Select(e => e.DecidingDepartment).Distinct().OrderBy(d => d).ToListAsync(ct);
    }
}
