using Civility.CreditList.Application.Repairs;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.CreditList.Endpoints;

/// <summary>Credit repair (信用修复): after the tier's minimum period, with proof and a signed credit commitment.</summary>
public static class RepairsApi
{
    public sealed record ApplyRequest(string? Applicant, string? ProofOfCorrection, string? Commitment, bool? CommitmentSigned);

    public sealed record DecideRepairRequest(bool? Approve, string? Reply);

    /// <summary><c>provisional</c>: the decision date was counted over a year whose holiday notice is not out yet.</summary>
    public sealed record RepairResponse(Guid Id, Guid EntryId, string QueryCode, string Applicant, string Status,
        DateTimeOffset SubmittedAt, DateOnly DecideBy, bool Provisional, IReadOnlyList<CalendarYearUsed> CalendarYears, string? Reply,
        DateTimeOffset? DecidedAt);

    /// <summary>What anyone with the query code sees: progress only, no names or facts.</summary>
    public sealed record RepairProgress(string QueryCode, string Status, DateOnly SubmittedOn, DateOnly DecideBy, bool Provisional,
        DateOnly? DecidedOn, string? Reply);

    public static RouteGroupBuilder MapRepairsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/entries/{id:guid}/repairs", ApplyAsync).WithTags("Repairs")
            .WithSummary("Register a repair application; answers its query code").RequireScope(CivilityScopes.CreditWrite);
        var repairs = api.MapGroup("/repairs").WithTags("Repairs");
        repairs.MapGet("/", ListAsync).WithSummary("Repair applications, or those past their decision date (paged)")
            .RequireScope(CivilityScopes.CreditInternal);
        repairs.MapPost("/{id:guid}/decision", DecideAsync).WithSummary("Approve (lifts the entry) or reject, with a reply")
            .RequireScope(CivilityScopes.CreditWrite).ProducesProblem(StatusCodes.Status404NotFound);
        repairs.MapGet("/progress/{code}", ProgressAsync).WithSummary("Follow an application by its query code (anyone)").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<RepairResponse>, ValidationProblem>> ApplyAsync(Guid id, ApplyRequest request,
        ApplyForRepair apply, CancellationToken ct)
    {
        var v = new RequestValidator();
        var applicant = v.Text("applicant", request.Applicant, 200);
        var proof = v.Text("proofOfCorrection", request.ProofOfCorrection, 4000);
        var commitment = v.Text("commitment", request.Commitment, 4000);
        v.Check(request.CommitmentSigned == true, "commitmentSigned", "The credit commitment (信用承诺书) must be signed.");
        if (!v.IsValid) return v.Problem();
        var repair = await apply.ExecuteAsync(id, new RepairRequest(applicant, proof, commitment), ct);
        return TypedResults.Created($"/api/credit/repairs/progress/{repair.QueryCode}", ToResponse(repair));
    }

    private static async Task<Results<Ok<PagedResult<RepairResponse>>, ValidationProblem>> ListAsync(
        ListRepairs list, string? status, Guid? entryId, bool? overdue, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<RepairStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(statusFilter, entryId, overdue, paging, ct);
        return TypedResults.Ok(new PagedResult<RepairResponse>(result.Items.Select(ToResponse).ToList(),
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<RepairResponse>, ValidationProblem>> DecideAsync(Guid id, DecideRepairRequest request,
        DecideRepair decide, CancellationToken ct)
    {
        var v = new RequestValidator();
        var approve = v.Required("approve", request.Approve);
        var reply = v.Text("reply", request.Reply, 4000);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await decide.ExecuteAsync(id, approve!.Value, reply, ct)));
    }

    private static async Task<Ok<RepairProgress>> ProgressAsync(string code, FollowRepair follow, CancellationToken ct)
    {
        var r = await follow.ExecuteAsync(code, ct);
        return TypedResults.Ok(new RepairProgress(r.QueryCode, KebabName.Of(r.Status), CountyClock.CountyDate(r.SubmittedAt), r.DecideBy,
            r.DecideByCount.Provisional, r.DecidedAt is { } at ? CountyClock.CountyDate(at) : null, r.Reply));
    }

    private static RepairResponse ToResponse(RepairApplication r) =>
        new(r.Id, r.EntryId, r.QueryCode, r.Applicant, KebabName.Of(r.Status), r.SubmittedAt, r.DecideBy, r.DecideByCount.Provisional,
            CalendarYearUsed.Of(r.DecideByCount), r.Reply, r.DecidedAt);
}
