using Civility.CreditList.Application.Entries;
using Civility.Domain;
using Civility.Domain.Identifiers;
using Civility.Domain.PersonalData;
using Civility.Hosting;
using Civility.Hosting.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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
        FindPublishedEntries find, string? name, string? identifier, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var paging = v.Paging(page, pageSize);
        var trimmedName = v.OptionalText("name", name, 200);
        var id = v.OptionalText("identifier", identifier, 32);
        // One in 31 citizen ID numbers also passes the credit code's check character: such an identifier is looked for
        // as both, or the person behind it would never be found.
        string? organizationCode = null, personIdNumber = null;
        if (trimmedName is null && id is null) v.Add("identifier", "Give a name or an identifier (credit code or citizen ID number).");
        if (id is not null)
        {
            var normalized = id.ToUpperInvariant();
            if (UnifiedSocialCreditCode.Validate(normalized) is null) organizationCode = normalized;
            if (CitizenIdNumber.Validate(normalized) is null) personIdNumber = CitizenIdNumber.Normalize(normalized);
            if (organizationCode is null && personIdNumber is null)
                v.Add("identifier", "Not a valid unified social credit code or citizen ID number.");
        }
        if (!v.IsValid) return v.Problem();

        var result = await find.ExecuteAsync(new PublicSearch(trimmedName, organizationCode, personIdNumber), paging, ct);
        return TypedResults.Ok(new PagedResult<PublicEntry>(result.Items.Select(x => new PublicEntry(
            x.EntryId, KebabName.Of(x.SubjectKind), x.SubjectName, x.Identifier, KebabName.Of(x.ListType),
            x.Tier is { } t ? KebabName.Of(t) : null, x.Law, x.Article, x.Facts, x.DecisionNumber, x.DecidingDepartment, x.ListingDate,
            x.PublishedFrom, x.PublishedUntil)).ToList(),
            result.Page, result.PageSize, result.Total));
    }
}
