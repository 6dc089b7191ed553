using Civility.CreditList.Application.Entries;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using static Civility.CreditList.Endpoints.EntryViews;

namespace Civility.CreditList.Endpoints;

public static class EntriesApi
{
    public sealed record ProposeRequest(
        Guid? SubjectId, string? ListType, string? Tier, string? Law, string? Article, string? Facts, string? DecisionNumber,
        string? DecidingDepartment, DateOnly? ListingDate, DateOnly? PublishedFrom, DateOnly? PublishedUntil, string? InternalNote);

    public sealed record TransitionRequest(string? Reason);

    public sealed record AmendRequest(
        string? Facts, DateOnly? PublishedUntil, string? DecisionNumber, string? Law, string? Article, string? Reason);

    public sealed record EntrySummary(Guid Id, Guid SubjectId, string SubjectName, string ListType, string? Tier, string DecisionNumber,
        DateOnly PublishedFrom, DateOnly PublishedUntil, string Status, bool UnderObjection, bool FormerlyListed);

    public static RouteGroupBuilder MapEntriesApi(this RouteGroupBuilder api)
    {
        var entries = api.MapGroup("/entries").WithTags("Entries");
        entries.MapPost("/", ProposeAsync).WithSummary("Propose a red- or black-list entry").RequireScope(CivilityScopes.CreditWrite);
        entries.MapGet("/{id:guid}", GetAsync).WithSummary("One entry with its whole history (internal view)")
            .RequireScope(CivilityScopes.CreditInternal).ProducesProblem(StatusCodes.Status404NotFound);
        entries.MapGet("/", ListAsync).WithSummary("Entries by subject, status, list type, objection mark (paged)")
            .RequireScope(CivilityScopes.CreditInternal);
        entries.MapPost("/{id:guid}/notify", NotifyAsync).WithSummary("Notify the subject (告知); the statement period starts")
            .RequireScope(CivilityScopes.CreditWrite);
        entries.MapPost("/{id:guid}/activate", ActivateAsync).WithSummary("List and publish, after the statement period")
            .RequireScope(CivilityScopes.CreditWrite);
        entries.MapPost("/{id:guid}/revoke", RevokeAsync).WithSummary("Revoke, with a reason (nothing is deleted)")
            .RequireScope(CivilityScopes.CreditWrite);
        entries.MapPost("/{id:guid}/amend", AmendAsync).WithSummary("Correct facts, decision or period, with a reason")
            .RequireScope(CivilityScopes.CreditWrite);
        return api;
    }

    private static async Task<Results<Created<EntryResponse>, ValidationProblem>> ProposeAsync(
        ProposeRequest request, ProposeEntry propose, CancellationToken ct)
    {
        var v = new RequestValidator();
        var subjectId = v.Required("subjectId", request.SubjectId);
        var list = v.Enum<ListType>("listType", request.ListType);
        var tier = v.Enum<BlackTier>("tier", request.Tier, required: list == ListType.Black);
        var law = v.Text("law", request.Law, 200);
        var article = v.Text("article", request.Article, 100);
        var facts = v.Text("facts", request.Facts, 4000);
        var decision = v.Text("decisionNumber", request.DecisionNumber, 100);
        var department = v.Text("decidingDepartment", request.DecidingDepartment, 200);
        var listingDate = v.Required("listingDate", request.ListingDate);
        var from = v.Required("publishedFrom", request.PublishedFrom);
        var until = v.Required("publishedUntil", request.PublishedUntil);
        var note = v.OptionalText("internalNote", request.InternalNote, 2000);
        if (from is not null && until is not null) v.Check(until > from, "publishedUntil", "The publication must end after it starts.");
        if (list == ListType.Red && tier is not null) v.Add("tier", "Tiers apply to the black list only.");
        if (subjectId is { } id && !await propose.SubjectExistsAsync(id, ct)) v.Add("subjectId", "There is no such subject.");
        if (!v.IsValid) return v.Problem();

        var entry = await propose.ExecuteAsync(new EntryProposal(subjectId!.Value, list!.Value, tier, new LegalBasis(law, article), facts,
            decision, department, listingDate!.Value, from!.Value, until!.Value, note), ct);
        return TypedResults.Created($"/api/credit/entries/{entry.Id}", ToResponse(entry));
    }

    private static async Task<Ok<EntryResponse>> GetAsync(Guid id, GetEntry get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<PagedResult<EntrySummary>>, ValidationProblem>> ListAsync(
        ListEntries list, Guid? subjectId, string? status, string? listType, bool? underObjection, int? page, int? pageSize,
        CancellationToken ct)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<EntryStatus>("status", status, required: false);
        var listFilter = v.Enum<ListType>("listType", listType, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(new EntryFilter(subjectId, statusFilter, listFilter, underObjection), paging, ct);
        return TypedResults.Ok(new PagedResult<EntrySummary>(result.Items.Select(x => new EntrySummary(
            x.Id, x.SubjectId, x.SubjectName, KebabName.Of(x.ListType), x.Tier is { } t ? KebabName.Of(t) : null, x.DecisionNumber,
            x.PublishedFrom, x.PublishedUntil, KebabName.Of(x.Status), x.UnderObjection, x.FormerlyListed)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<EntryResponse>> NotifyAsync(
        Guid id, TransitionRequest? request, NotifyEntry notify, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await notify.ExecuteAsync(id, request?.Reason?.Trim(), ct)));

    private static async Task<Ok<EntryResponse>> ActivateAsync(
        Guid id, TransitionRequest? request, ActivateEntry activate, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await activate.ExecuteAsync(id, request?.Reason?.Trim(), ct)));

    private static async Task<Results<Ok<EntryResponse>, ValidationProblem>> RevokeAsync(
        Guid id, TransitionRequest? request, RevokeEntry revoke, CancellationToken ct)
    {
        var v = new RequestValidator();
        var reason = v.Text("reason", request?.Reason, 2000);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await revoke.ExecuteAsync(id, reason, ct)));
    }

    private static async Task<Results<Ok<EntryResponse>, ValidationProblem>> AmendAsync(
        Guid id, AmendRequest request, AmendEntry amend, CancellationToken ct)
    {
        var v = new RequestValidator();
        var (facts, decision, basis) = v.AmendmentFields(request.Facts, request.DecisionNumber, request.Law, request.Article);
        var reason = v.Text("reason", request.Reason, 2000);
        if (!v.IsValid) return v.Problem();
        var change = new Amendment(facts, request.PublishedUntil, decision, basis);
        return TypedResults.Ok(ToResponse(await amend.ExecuteAsync(id, change, reason, ct)));
    }
}
