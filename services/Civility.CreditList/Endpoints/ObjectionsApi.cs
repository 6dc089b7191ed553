using Civility.CreditList.Application.Entries;
using Civility.CreditList.Application.Objections;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.CreditList.Endpoints;

/// <summary>Objections (异议): marked at once, verified and answered in writing within 20 working days.</summary>
public static class ObjectionsApi
{
    public sealed record FileObjectionRequest(string? FiledBy, string? Grounds);

    /// <summary>Outcome corrected or dismissed; a correction revokes the entry or amends it.</summary>
    public sealed record DecideObjectionRequest(string? Outcome, string? Correction, string? Reply,
        string? Facts, DateOnly? PublishedUntil, string? DecisionNumber, string? Law, string? Article);

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
        objections.MapGet("/", ListAsync).WithSummary("Objections, pending or overdue ones (paged)")
            .RequireScope(CivilityScopes.CreditInternal);
        objections.MapGet("/{id:guid}", GetAsync).WithSummary("One objection").RequireScope(CivilityScopes.CreditInternal)
            .ProducesProblem(StatusCodes.Status404NotFound);
        objections.MapPost("/{id:guid}/decision", DecideAsync).WithSummary("Decide with a written reply")
            .RequireScope(CivilityScopes.CreditWrite).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<ObjectionResponse>, ValidationProblem>> FileAsync(Guid id, FileObjectionRequest request,
        FileObjection file, CancellationToken ct)
    {
        var v = new RequestValidator();
        var filedBy = v.Text("filedBy", request.FiledBy, 200);
        var grounds = v.Text("grounds", request.Grounds, 4000);
        if (!v.IsValid) return v.Problem();
        var filed = await file.ExecuteAsync(id, filedBy, grounds, ct);
        return TypedResults.Created($"/api/credit/objections/{filed.Objection.Id}", ToResponse(filed));
    }

    private static async Task<Results<Ok<PagedResult<ObjectionResponse>>, ValidationProblem>> ListAsync(
        ListObjections list, string? status, bool? overdue, Guid? entryId, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<ObjectionStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(statusFilter, overdue, entryId, paging, ct);
        return TypedResults.Ok(new PagedResult<ObjectionResponse>(result.Items.Select(ToResponse).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<ObjectionResponse>> GetAsync(Guid id, GetObjection get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<ObjectionResponse>, ValidationProblem>> DecideAsync(Guid id, DecideObjectionRequest request,
        DecideObjection decide, CancellationToken ct)
    {
        var v = new RequestValidator();
        var outcome = v.Enum<ObjectionStatus>("outcome", request.Outcome);
        v.Check(outcome != ObjectionStatus.Pending, "outcome", "The outcome is corrected or dismissed.");
        var correction = v.Enum<Correction>("correction", request.Correction, required: outcome == ObjectionStatus.Corrected);
        var reply = v.Text("reply", request.Reply, 4000);
        var (facts, decision, basis) = v.AmendmentFields(request.Facts, request.DecisionNumber, request.Law, request.Article);
        var amendment = new Amendment(facts, request.PublishedUntil, decision, basis);
        if (correction == Correction.Amend && amendment.ChangesNothing)
            v.Add("correction", "An amendment changes at least one of facts, publishedUntil, decisionNumber, law/article.");
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await decide.ExecuteAsync(id, outcome!.Value, correction, reply, amendment, ct)));
    }

    private static ObjectionResponse ToResponse(ObjectionView view)
    {
        var o = view.Objection;
        return new(o.Id, o.EntryId, o.FiledBy, o.Grounds, o.FiledAt, o.DecideBy, o.DecideByCount.Provisional,
            CalendarYearUsed.Of(o.DecideByCount), view.Overdue, KebabName.Of(o.Status), o.Reply, o.DecidedBy, o.DecidedAt);
    }
}
