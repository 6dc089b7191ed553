using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

/// <summary>
/// Whom the public looks for: a name, and an identifier read as an organization's credit code, a person's citizen
/// ID number, or both (one in 31 ID numbers also passes the code's check character, and that person must be found).
/// </summary>
public sealed record PublicSearch(string? Name, string? OrganizationCode, string? PersonIdNumber)
{
    public bool ByIdentifier => OrganizationCode is not null || PersonIdNumber is not null;
}

/// <summary>An entry as the law lets anyone see it, with its subject (ID numbers masked).</summary>
public sealed record PublishedEntry(Guid EntryId, SubjectKind SubjectKind, string SubjectName, string Identifier, ListType ListType,
    BlackTier? Tier, string Law, string Article, string Facts, string DecisionNumber, string DecidingDepartment, DateOnly ListingDate,
    DateOnly PublishedFrom, DateOnly PublishedUntil);

/// <summary>The public query ("credit+", 信用查询): the entries published today about the subjects sought, newest first.</summary>
public sealed class FindPublishedEntries(CreditDbContext db, TimeProvider clock, PersonalDataProtector protector) : IUseCase
{
    public Task<PagedResult<PublishedEntry>> ExecuteAsync(PublicSearch search, PageRequest paging, CancellationToken ct)
    {
        var today = clock.CountyToday();
        var subjects = db.Subjects.AsNoTracking();
        if (search.ByIdentifier)
        {
            var code = search.OrganizationCode ?? "";
            var hash = search.PersonIdNumber is { } idNumber ? protector.LookupHash(idNumber) : "";
            subjects = subjects.Where(s => (s.Kind == SubjectKind.Organization && s.LookupHashOrCode == code)
                                           || (s.Kind == SubjectKind.Person && s.LookupHashOrCode == hash));
        }
        if (search.Name is { } name) subjects = subjects.Where(s => s.Name == name);
        var published = db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Active && e.PublishedFrom <= today && e.PublishedUntil >= today)
            .Join(subjects, e => e.SubjectId, s => s.Id, (e, s) => new { e, s })
            .OrderByDescending(x => x.e.PublishedFrom).ThenBy(x => x.e.Id);
        return paging.ApplyAsync(published, x => new PublishedEntry(
            x.e.Id, x.s.Kind, x.s.Name, x.s.DisplayIdentifier, x.e.ListType, x.e.Tier, x.e.LegalBasisLaw, x.e.LegalBasisArticle, x.e.Facts,
            x.e.DecisionNumber, x.e.DecidingDepartment, x.e.ListingDate, x.e.PublishedFrom, x.e.PublishedUntil), ct);
    }
}
