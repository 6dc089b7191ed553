using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Civility.CreditList.Endpoints.EntryViews;
using Civility.Domain.Time;
using Civility.Domain;

namespace Civility.CreditList.Endpoints;

public static class EntriesApi
{
    public sealed record ProposeRequest(
        Guid? SubjectId, string? ListType, string? Tier, string? Law, string? Article, string? Facts, string? DecisionNumber,
        string? DecidingDepartment, DateOnly? ListingDate, DateOnly? PublishedFrom, DateOnly? PublishedUntil, string? InternalNote);

    public sealed record TransitionRequest(string? Reason);

    public sealed record AmendRequest(string? Facts, DateOnly? PublishedUntil, string? DecisionNumber, string? Law, string? Article, string? Reason);

    public sealed record EntrySummary(Guid Id, Guid SubjectId, string SubjectName, string ListType, string? Tier, string DecisionNumber,
        DateOnly PublishedFrom, DateOnly PublishedUntil, string Status, bool UnderObjection, bool FormerlyListed);

    public static RouteGroupBuilder MapEntriesApi(this RouteGroupBuilder api)
    {
        var entries = api.MapGroup("/entries").WithTags("Entries");
        entries.MapPost("/", ProposeAsync).WithSummary("Propose a red- or black-list entry").RequireScope(CivilityScopes.CreditWrite);
        entries.MapGet("/{id:guid}", GetAsync).WithSummary("One entry with its whole history (internal view)").RequireScope(CivilityScopes.CreditInternal);
        entries.MapGet("/", ListAsync).WithSummary("Entries by subject, status, list type, objection mark (paged)").RequireScope(CivilityScopes.CreditInternal);
        entries.MapPost("/{id:guid}/notify", NotifyAsync).WithSummary("Notify the subject (告知); the statement period starts").RequireScope(CivilityScopes.CreditWrite);
        entries.MapPost("/{id:guid}/activate", ActivateAsync).WithSummary("List and publish, after the statement period").RequireScope(CivilityScopes.CreditWrite);
        entries.MapPost("/{id:guid}/revoke", RevokeAsync).WithSummary("Revoke, with a reason (nothing is deleted)").RequireScope(CivilityScopes.CreditWrite);
        entries.MapPost("/{id:guid}/amend", AmendAsync).WithSummary("Correct facts, decision or period, with a reason").RequireScope(CivilityScopes.CreditWrite);
        return api;
    }

    private static async Task<Results<Created<EntryResponse>, ValidationProblem>> ProposeAsync(
        ProposeRequest request, CreditDbContext db, TimeProvider clock, CallerContext caller)
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
        var subject = subjectId is { } sid ? await db.Subjects.FirstOrDefaultAsync(s => s.Id == sid) : null;
        if (subjectId is not null && subject is null) v.Add("subjectId", "There is no such subject.");
        if (!v.IsValid || subject is null) return v.Problem();

        var now = clock.GetUtcNow();
        var entry = ListEntry.Propose(subject, list!.Value, tier, new LegalBasis(law, article), facts, decision, department,
            listingDate!.Value, from!.Value, until!.Value, note, null, caller.Actor, now);
        db.Entries.Add(entry);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/credit/entries/{entry.Id}", ToResponse(entry, subject));
    }

    private static async Task<Results<Ok<EntryResponse>, NotFound>> GetAsync(Guid id, CreditDbContext db)
    {
        var entry = await db.Entries.AsNoTracking().Include(e => e.History).FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null) return TypedResults.NotFound();
        var subject = await db.Subjects.AsNoTracking().FirstAsync(s => s.Id == entry.SubjectId);
        return TypedResults.Ok(ToResponse(entry, subject));
    }

    private static async Task<Results<Ok<PagedResult<EntrySummary>>, ValidationProblem>> ListAsync(
        CreditDbContext db, Guid? subjectId, string? status, string? listType, bool? underObjection, int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<EntryStatus>("status", status, required: false);
        var listFilter = v.Enum<ListType>("listType", listType, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();

        var query = db.Entries.AsNoTracking();
        if (subjectId is { } sid) query = query.Where(e => e.SubjectId == sid);
        if (statusFilter is { } s) query = query.Where(e => e.Status == s);
        if (listFilter is { } l) query = query.Where(e => e.ListType == l);
        if (underObjection is { } u) query = query.Where(e => e.UnderObjection == u);
        var joined = query.Join(db.Subjects, e => e.SubjectId, s => s.Id, (e, s) => new { e, s }).OrderByDescending(x => x.e.CreatedAt).ThenBy(x => x.e.Id);
        var result = await paging.ApplyAsync(joined, x => new
        {
            x.e.Id, x.e.SubjectId, x.s.Name, x.e.ListType, x.e.Tier, x.e.DecisionNumber, x.e.PublishedFrom, x.e.PublishedUntil,
            x.e.Status, x.e.UnderObjection, x.e.ActivatedAt,
        });
        return TypedResults.Ok(new PagedResult<EntrySummary>(result.Items.Select(x => new EntrySummary(
            x.Id, x.SubjectId, x.Name, KebabName.Of(x.ListType), x.Tier is { } t ? KebabName.Of(t) : null, x.DecisionNumber, x.PublishedFrom, x.PublishedUntil,
            KebabName.Of(x.Status), x.UnderObjection,
            x.ActivatedAt is not null && x.Status is EntryStatus.Expired or EntryStatus.Repaired or EntryStatus.Revoked)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<EntryResponse>> NotifyAsync(Guid id, TransitionRequest? request, CreditDbContext db, TimeProvider clock,
        IOptions<CreditListOptions> options, CallerContext caller, CancellationToken cancellationToken)
    {
        var (entry, subject) = await db.InTransactionAsync(async ct =>
        {
            var (entry, subject) = await LoadAsync(db, id, ct);
            // A statement period of 0 working days (configurable) means none: the entry may be activated at once.
            var days = options.Value.StatementPeriodWorkingDays;
            var deadline = days == 0 ? null : (await CalendarStore.ForCountingAsync(db, ct)).Count(clock.CountyToday(), days);
            entry.Notify(deadline, caller.Actor, request?.Reason?.Trim(), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return (entry, subject);
        }, cancellationToken);
        return TypedResults.Ok(ToResponse(entry, subject));
    }

    private static async Task<Ok<EntryResponse>> ActivateAsync(Guid id, TransitionRequest? request, CreditDbContext db, TimeProvider clock, CallerContext caller)
    {
        var (entry, subject) = await LoadAsync(db, id);
        var now = clock.GetUtcNow();
        entry.Activate(clock.CountyToday(), caller.Actor, request?.Reason?.Trim(), now);
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(entry, subject));
    }

    private static async Task<Results<Ok<EntryResponse>, ValidationProblem>> RevokeAsync(
        Guid id, TransitionRequest? request, CreditDbContext db, TimeProvider clock, CallerContext caller)
    {
        var v = new RequestValidator();
        var reason = v.Text("reason", request?.Reason, 2000);
        if (!v.IsValid) return v.Problem();
        var (entry, subject) = await LoadAsync(db, id);
        entry.Revoke(caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(entry, subject));
    }

    private static async Task<Results<Ok<EntryResponse>, ValidationProblem>> AmendAsync(
        Guid id, AmendRequest request, CreditDbContext db, TimeProvider clock, CallerContext caller)
    {
        var v = new RequestValidator();
        var change = ValidateAmendment(v, request.Facts, request.DecisionNumber, request.Law, request.Article);
        var reason = v.Text("reason", request.Reason, 2000);
        if (!v.IsValid) return v.Problem();
        var (entry, subject) = await LoadAsync(db, id);
        entry.Amend(change.Facts, request.PublishedUntil, change.DecisionNumber, change.Basis, caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(entry, subject));
    }

    internal sealed record Amendment(string? Facts, string? DecisionNumber, LegalBasis? Basis);

    internal static Amendment ValidateAmendment(RequestValidator v, string? facts, string? decisionNumber, string? law, string? article)
    {
        var basis = law is null && article is null ? null
            : new LegalBasis(v.Text("law", law, 200), v.Text("article", article, 100));
        return new Amendment(v.OptionalText("facts", facts, 4000), v.OptionalText("decisionNumber", decisionNumber, 100), basis);
    }
}
