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
using Civility.Domain;
using Civility.Domain.Time;

namespace Civility.CreditList.Endpoints;

/// <summary>Credit repair (信用修复): after the tier's minimum period, with proof and a signed credit commitment.</summary>
public static class RepairsApi
{
    public sealed record ApplyRequest(string? Applicant, string? ProofOfCorrection, string? Commitment, bool? CommitmentSigned);

    public sealed record DecideRepairRequest(bool? Approve, string? Reply);

    /// <summary><c>provisional</c>: the decision date was counted over a year whose holiday notice is not out yet.</summary>
    public sealed record RepairResponse(Guid Id, Guid EntryId, string QueryCode, string Applicant, string Status, DateTimeOffset SubmittedAt,
        DateOnly DecideBy, bool Provisional, IReadOnlyList<CalendarYearUsed> CalendarYears, string? Reply, DateTimeOffset? DecidedAt);

    /// <summary>What anyone with the query code sees: progress only, no names or facts.</summary>
    public sealed record RepairProgress(string QueryCode, string Status, DateOnly SubmittedOn, DateOnly DecideBy, bool Provisional,
        DateOnly? DecidedOn, string? Reply);

    public static RouteGroupBuilder MapRepairsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/entries/{id:guid}/repairs", ApplyAsync).WithTags("Repairs")
            .WithSummary("Register a repair application; answers its query code").RequireScope(CivilityScopes.CreditWrite);
        var repairs = api.MapGroup("/repairs").WithTags("Repairs");
        repairs.MapGet("/", ListAsync).WithSummary("Repair applications, or those past their decision date (paged)").RequireScope(CivilityScopes.CreditInternal);
        repairs.MapPost("/{id:guid}/decision", DecideAsync).WithSummary("Approve (lifts the entry) or reject, with a reply").RequireScope(CivilityScopes.CreditWrite);
        repairs.MapGet("/progress/{code}", ProgressAsync).WithSummary("Follow an application by its query code (anyone)").AllowAnonymous();
        return api;
    }

    private static async Task<Results<Created<RepairResponse>, ValidationProblem>> ApplyAsync(Guid id, ApplyRequest request, CreditDbContext db,
        TimeProvider clock, IOptions<CreditListOptions> options, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var applicant = v.Text("applicant", request.Applicant, 200);
        var proof = v.Text("proofOfCorrection", request.ProofOfCorrection, 4000);
        var commitment = v.Text("commitment", request.Commitment, 4000);
        v.Check(request.CommitmentSigned == true, "commitmentSigned", "The credit commitment (信用承诺书) must be signed.");
        if (!v.IsValid) return v.Problem();
        var repair = await db.InTransactionAsync(async ct =>
        {
            var (entry, _) = await LoadAsync(db, id, ct);
            if (entry.ListType != ListType.Black || entry.Status != EntryStatus.Active)
                throw DomainRuleException.Rule("Only an active black-list entry can be repaired.", $"The entry is a {KebabName.Of(entry.ListType)}-list entry, {KebabName.Of(entry.Status)}.");
            var today = clock.CountyToday();
            var earliest = entry.PublishedFrom.AddMonths(options.Value.RepairMinimumMonthsFor(entry.Tier!.Value));
            if (today < earliest)
                throw DomainRuleException.Rule("The minimum publication period has not passed.",
                    $"A {KebabName.Of(entry.Tier!.Value)} entry may be repaired from {earliest:yyyy-MM-dd}.",
                    new Dictionary<string, object?> { ["earliest"] = earliest });
            if (await db.Repairs.AnyAsync(r => r.EntryId == id && r.Status == RepairStatus.Submitted, ct))
                throw DomainRuleException.Conflict("A repair application for this entry is already being decided.");
            var calendar = await CalendarStore.ForCountingAsync(db, ct);
            var repair = new RepairApplication(id, applicant, proof, commitment,
                calendar.Count(today, options.Value.RepairDecisionWorkingDays), clock.GetUtcNow());
            db.Repairs.Add(repair);
            await db.SaveChangesAsync(ct);
            return repair;
        }, cancellationToken);
        return TypedResults.Created($"/api/credit/repairs/progress/{repair.QueryCode}", ToResponse(repair));
    }

    private static async Task<Results<Ok<PagedResult<RepairResponse>>, ValidationProblem>> ListAsync(
        CreditDbContext db, TimeProvider clock, string? status, Guid? entryId, bool? overdue, int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<RepairStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var query = db.Repairs.AsNoTracking();
        if (statusFilter is { } s) query = query.Where(r => r.Status == s);
        if (entryId is { } e) query = query.Where(r => r.EntryId == e);
        var today = clock.CountyToday();
        if (overdue == true) query = query.Where(r => r.Status == RepairStatus.Submitted && r.DecideBy < today);
        var result = await paging.ApplyAsync(query.OrderBy(r => r.DecideBy).ThenBy(r => r.Id), r => r);
        return TypedResults.Ok(new PagedResult<RepairResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<RepairResponse>, ValidationProblem, NotFound>> DecideAsync(Guid id, DecideRepairRequest request,
        CreditDbContext db, TimeProvider clock, CallerContext caller)
    {
        var v = new RequestValidator();
        var approve = v.Required("approve", request.Approve);
        var reply = v.Text("reply", request.Reply, 4000);
        if (!v.IsValid) return v.Problem();
        var repair = await db.Repairs.FirstOrDefaultAsync(r => r.Id == id);
        if (repair is null) return TypedResults.NotFound();
        var actor = caller.Actor;
        var now = clock.GetUtcNow();
        repair.Decide(approve!.Value, reply, actor, now);
        if (approve == true)
        {
            var (entry, _) = await LoadAsync(db, repair.EntryId);
            entry.Repair(actor, $"Credit repair approved: {reply}", now);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(repair));
    }

    private static async Task<Results<Ok<RepairProgress>, NotFound>> ProgressAsync(string code, CreditDbContext db)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Repairs.AsNoTracking().FirstOrDefaultAsync(r => r.QueryCode == normalized) is { } r
            ? TypedResults.Ok(new RepairProgress(r.QueryCode, KebabName.Of(r.Status), CountyClock.CountyDate(r.SubmittedAt), r.DecideBy,
                r.DecideByCount.Provisional, r.DecidedAt is { } at ? CountyClock.CountyDate(at) : null, r.Reply))
            : TypedResults.NotFound();
    }

    private static RepairResponse ToResponse(RepairApplication r) =>
        new(r.Id, r.EntryId, r.QueryCode, r.Applicant, KebabName.Of(r.Status), r.SubmittedAt, r.DecideBy, r.DecideByCount.Provisional,
            CalendarYearUsed.Of(r.DecideByCount), r.Reply, r.DecidedAt);
}
