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
using static Civility.CreditList.Endpoints.EntryViews;
using Civility.Domain.Time;
using Civility.Domain;

namespace Civility.CreditList.Endpoints;

/// <summary>Objections (异议): marked at once, verified and answered in writing within 20 working days.</summary>
public static class ObjectionsApi
{
    public sealed record FileObjectionRequest(string? FiledBy, string? Grounds);

    /// <summary>Outcome corrected or dismissed; a correction revokes the entry or amends it.</summary>
    public sealed record DecideObjectionRequest(string? Outcome, string? Correction, string? Reply,
        string? Facts, DateOnly? PublishedUntil, string? DecisionNumber, string? Law, string? Article);

    public enum Correction { Revoke, Amend }

    /// <summary>
    /// <c>provisional</c>: the decision date was counted over a year whose holiday notice is not out yet
    /// (<c>calendarYears</c> says which); it may move later when the notice is loaded, never earlier.
    /// </summary>
    public sealed record ObjectionResponse(Guid Id, Guid EntryId, string FiledBy, string Grounds, DateTimeOffset FiledAt, DateOnly DecideBy,
        bool Provisional, IReadOnlyList<CalendarYearUsed> CalendarYears, bool Overdue, string Status, string? Reply, string? DecidedBy,
        DateTimeOffset? DecidedAt);

    public static RouteGroupBuilder MapObjectionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/entries/{id:guid}/objections", FileAsync).WithTags("Objections")
            .WithSummary("Register an objection: the entry is marked under objection at once").RequireScope(CivilityScopes.CreditWrite);
        var objections = api.MapGroup("/objections").WithTags("Objections");
        objections.MapGet("/", ListAsync).WithSummary("Objections, pending or overdue ones (paged)").RequireScope(CivilityScopes.CreditInternal);
        objections.MapGet("/{id:guid}", GetAsync).WithSummary("One objection").RequireScope(CivilityScopes.CreditInternal);
        objections.MapPost("/{id:guid}/decision", DecideAsync).WithSummary("Decide with a written reply").RequireScope(CivilityScopes.CreditWrite);
        return api;
    }

    private static async Task<Results<Created<ObjectionResponse>, ValidationProblem>> FileAsync(Guid id, FileObjectionRequest request,
        CreditDbContext db, TimeProvider clock, CallerContext caller, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var filedBy = v.Text("filedBy", request.FiledBy, 200);
        var grounds = v.Text("grounds", request.Grounds, 4000);
        if (!v.IsValid) return v.Problem();
        var objection = await db.InTransactionAsync(async ct =>
        {
            var (entry, _) = await LoadAsync(db, id, ct);
            var calendar = await CalendarStore.ForCountingAsync(db, ct);
            var decideBy = calendar.Count(clock.CountyToday(), Objection.DecisionWorkingDays);
            var objection = entry.FileObjection(filedBy, grounds, decideBy, caller.Actor, clock.GetUtcNow());
            db.Objections.Add(objection);
            await db.SaveChangesAsync(ct);
            return objection;
        }, cancellationToken);
        return TypedResults.Created($"/api/credit/objections/{objection.Id}", ToResponse(objection, clock.CountyToday()));
    }

    private static async Task<Results<Ok<PagedResult<ObjectionResponse>>, ValidationProblem>> ListAsync(
        CreditDbContext db, TimeProvider clock, string? status, bool? overdue, Guid? entryId, int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<ObjectionStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var today = clock.CountyToday();
        var query = db.Objections.AsNoTracking();
        if (statusFilter is { } s) query = query.Where(o => o.Status == s);
        if (entryId is { } e) query = query.Where(o => o.EntryId == e);
        if (overdue == true) query = query.Where(o => o.Status == ObjectionStatus.Pending && o.DecideBy < today);
        var result = await paging.ApplyAsync(query.OrderBy(o => o.DecideBy).ThenBy(o => o.Id), o => o);
        return TypedResults.Ok(new PagedResult<ObjectionResponse>(result.Items.Select(o => ToResponse(o, today)).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<ObjectionResponse>, NotFound>> GetAsync(Guid id, CreditDbContext db, TimeProvider clock) =>
        await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) is { } objection
            ? TypedResults.Ok(ToResponse(objection, clock.CountyToday()))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ObjectionResponse>, ValidationProblem, NotFound>> DecideAsync(Guid id, DecideObjectionRequest request,
        CreditDbContext db, TimeProvider clock, CallerContext caller)
    {
        var v = new RequestValidator();
        var outcome = v.Enum<ObjectionStatus>("outcome", request.Outcome);
        v.Check(outcome != ObjectionStatus.Pending, "outcome", "The outcome is corrected or dismissed.");
        var correction = v.Enum<Correction>("correction", request.Correction, required: outcome == ObjectionStatus.Corrected);
        var reply = v.Text("reply", request.Reply, 4000);
        var change = EntriesApi.ValidateAmendment(v, request.Facts, request.DecisionNumber, request.Law, request.Article);
        if (correction == Correction.Amend && change is { Facts: null, DecisionNumber: null, Basis: null } && request.PublishedUntil is null)
            v.Add("correction", "An amendment changes at least one of facts, publishedUntil, decisionNumber, law/article.");
        if (!v.IsValid) return v.Problem();
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id);
        if (objection is null) return TypedResults.NotFound();

        var (entry, _) = await LoadAsync(db, objection.EntryId);
        var actor = caller.Actor;
        var now = clock.GetUtcNow();
        objection.Decide(outcome!.Value, reply, actor, now);
        if (outcome == ObjectionStatus.Dismissed || correction == Correction.Amend)
        {
            if (correction == Correction.Amend)
                entry.Amend(change.Facts, request.PublishedUntil, change.DecisionNumber, change.Basis, actor, $"Objection upheld: {reply}", now);
            if (!entry.IsClosed) entry.ClearObjection(actor, reply, now);
        }
        else
        {
            entry.Revoke(actor, $"Objection upheld: {reply}", now);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(objection, clock.CountyToday()));
    }

    private static ObjectionResponse ToResponse(Objection o, DateOnly today) => new(o.Id, o.EntryId, o.FiledBy, o.Grounds, o.FiledAt, o.DecideBy,
        o.DecideByCount.Provisional, CalendarYearUsed.Of(o.DecideByCount), o.IsOverdue(today), KebabName.Of(o.Status), o.Reply, o.DecidedBy, o.DecidedAt);
}
