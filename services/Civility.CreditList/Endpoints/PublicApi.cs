using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Civility.CreditList.Endpoints.EntryViews;
using Civility.Domain.Identifiers;
using Civility.Domain.PersonalData;
using Civility.Domain.Time;
using Civility.Domain;

namespace Civility.CreditList.Endpoints;

/// <summary>
/// The public query ("credit+", 信用查询): anyone, by name or identifier; only entries published today, only the
/// fields the law makes public (ID numbers masked, no internal notes, no objection or repair details).
/// </summary>
public static class PublicApi
{
    public sealed record PublicEntry(Guid EntryId, string SubjectKind, string SubjectName, string Identifier, string ListType, string? Tier,
        string Law, string Article, string Facts, string DecisionNumber, string DecidingDepartment, DateOnly ListingDate,
        DateOnly PublishedFrom, DateOnly PublishedUntil);

    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/entries", QueryAsync).WithTags("Public")
            .WithSummary("Published red- and black-list entries by name or identifier (anyone)").AllowAnonymous()
            .CacheOutput(PublicQueryCache.Policy);
        return api;
    }

    private static async Task<Results<Ok<PagedResult<PublicEntry>>, ValidationProblem>> QueryAsync(
        CreditDbContext db, TimeProvider clock, PersonalDataProtector protector, string? name, string? identifier, int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var paging = v.Paging(page, pageSize);
        var trimmedName = v.OptionalText("name", name, 200);
        var id = v.OptionalText("identifier", identifier, 32);
        // One in 31 citizen ID numbers also passes the credit code's check character: such an identifier is looked for
        // as both, or the person behind it would never be found.
        string? organizationCode = null, personHash = null;
        if (trimmedName is null && id is null) v.Add("identifier", "Give a name or an identifier (credit code or citizen ID number).");
        if (id is not null)
        {
            var normalized = id.ToUpperInvariant();
            if (UnifiedSocialCreditCode.Validate(normalized) is null) organizationCode = normalized;
            if (CitizenIdNumber.Validate(normalized) is null) personHash = protector.LookupHash(CitizenIdNumber.Normalize(normalized));
            if (organizationCode is null && personHash is null) v.Add("identifier", "Not a valid unified social credit code or citizen ID number.");
        }
        if (!v.IsValid) return v.Problem();

        var today = clock.CountyToday();
        var subjects = db.Subjects.AsNoTracking();
        if (id is not null)
        {
            var (code, hash) = (organizationCode ?? "", personHash ?? "");
            subjects = subjects.Where(s => (s.Kind == SubjectKind.Organization && s.LookupHashOrCode == code)
                                           || (s.Kind == SubjectKind.Person && s.LookupHashOrCode == hash));
        }
        if (trimmedName is not null) subjects = subjects.Where(s => s.Name == trimmedName);
        var published = db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Active && e.PublishedFrom <= today && e.PublishedUntil >= today)
            .Join(subjects, e => e.SubjectId, s => s.Id, (e, s) => new { e, s })
            .OrderByDescending(x => x.e.PublishedFrom).ThenBy(x => x.e.Id);
        var result = await paging.ApplyAsync(published, x => new
        {
            x.e.Id, x.s.Kind, x.s.Name, x.s.DisplayIdentifier, x.e.ListType, x.e.Tier, x.e.LegalBasisLaw, x.e.LegalBasisArticle, x.e.Facts,
            x.e.DecisionNumber, x.e.DecidingDepartment, x.e.ListingDate, x.e.PublishedFrom, x.e.PublishedUntil,
        });
        return TypedResults.Ok(new PagedResult<PublicEntry>(result.Items.Select(x => new PublicEntry(
            x.Id, KebabName.Of(x.Kind), x.Name, x.DisplayIdentifier, KebabName.Of(x.ListType), x.Tier is { } t ? KebabName.Of(t) : null, x.LegalBasisLaw,
            x.LegalBasisArticle, x.Facts, x.DecisionNumber, x.DecidingDepartment, x.ListingDate, x.PublishedFrom, x.PublishedUntil)).ToList(),
            result.Page, result.PageSize, result.Total));
    }
}
