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

    /// <summary>A query by name and/or identifier sent in the body, so that a citizen ID number is never in a URL.</summary>
    public sealed record PublicQueryRequest(string? Name, string? Identifier, int? Page, int? PageSize);

    public sealed record DepartmentsResponse(IReadOnlyList<string> Departments);

    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/entries", QueryAsync).WithTags("Public")
            .WithSummary("Published red- and black-list entries by name or identifier (anyone)").AllowAnonymous()
            .CacheOutput(PublicQueryCache.Policy);
        api.MapPost("/public/entries/query", QueryByBodyAsync).WithTags("Public")
            .WithSummary("The same query with name and identifier in the body: for a citizen ID number (anyone)")
            .WithDescription("A person is looked for by ID number here, never in a query string (URLs end up in logs).")
            .AllowAnonymous();
        api.MapGet("/public/lists", BrowseAsync).WithTags("Public")
            .WithSummary("Browse the published lists by list, tier and deciding department, newest first (anyone)").AllowAnonymous()
            .CacheOutput(PublicQueryCache.ListsPolicy);
        api.MapGet("/public/departments", DepartmentsAsync).WithTags("Public")
            .WithSummary("The deciding departments of the entries published today (anyone)").AllowAnonymous()
            .CacheOutput(PublicQueryCache.ListsPolicy);
        return api;
    }

    private static Task<Results<Ok<PagedResult<PublicEntry>>, ValidationProblem>> QueryByBodyAsync(
        FindPublishedEntries find, PublicQueryRequest request, CancellationToken ct) =>
        QueryAsync(find, request.Name, request.Identifier, request.Page, request.PageSize, ct);

    private static async Task<Results<Ok<PagedResult<PublicEntry>>, ValidationProblem>> BrowseAsync(
        BrowsePublishedEntries browse, string? listType, string? tier, string? department, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var paging = v.Paging(page, pageSize);
        var list = v.Enum<Domain.ListType>("listType", listType, required: false);
        var blackTier = v.Enum<Domain.BlackTier>("tier", tier, required: false);
        v.Check(blackTier is null || list is not Domain.ListType.Red, "tier", "Only black-list entries have a tier.");
        var decidedBy = v.OptionalText("department", department, 200);
        if (!v.IsValid) return v.Problem();
        var result = await browse.ExecuteAsync(new PublicBrowse(list, blackTier, decidedBy), paging, ct);
        return TypedResults.Ok(ToResponse(result));
    }

    private static async Task<Ok<DepartmentsResponse>> DepartmentsAsync(ListPublishingDepartments list, CancellationToken ct) =>
        TypedResults.Ok(new DepartmentsResponse(await list.ExecuteAsync(ct)));

    private static PagedResult<PublicEntry> ToResponse(PagedResult<PublishedEntry> result) => new(result.Items.Select(x => new PublicEntry(
            x.EntryId, KebabName.Of(x.SubjectKind), x.SubjectName, x.Identifier, KebabName.Of(x.ListType),
            x.Tier is { } t ? KebabName.Of(t) : null, x.Law, x.Article, x.Facts, x.DecisionNumber, x.DecidingDepartment, x.ListingDate,
            x.PublishedFrom, x.PublishedUntil)).ToList(),
        result.Page, result.PageSize, result.Total);

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
        return TypedResults.Ok(ToResponse(result));
    }
}
