using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Endpoints;

public static class ServiceRecordsApi
{
    public sealed record ManualRecordRequest(Guid? VolunteerId, DateOnly? ServiceDate, decimal? Hours, string? Content);

    public sealed record ReasonRequest(string? Reason);

    public sealed record BulkApproveRequest(Guid[]? Ids);

    public sealed record BulkApproveResponse(int Approved, IReadOnlyList<BulkFailure> Failed);

    public sealed record BulkFailure(Guid Id, string Reason);

    public static RouteGroupBuilder MapServiceRecordsApi(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/service-records").WithTags("Service hours");
        records.MapPost("/", RecordAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Record hours by hand (an organizer): pending until approved");
        records.MapGet("/", ListAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Service records, paged; filter by volunteer, unit, status, date range");
        records.MapGet("/{id:guid}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("One service record");
        records.MapPost("/{id:guid}/approve", ApproveAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Approve pending hours (they count from now on; star levels may be reached)");
        records.MapPost("/{id:guid}/decline", DeclineAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Decline pending hours with a reason");
        records.MapPost("/{id:guid}/void", VoidAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Void a wrong approved record with a reason (records are never edited or deleted)");
        records.MapPost("/approve", BulkApproveAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Approve many pending records at once; reports the ones that could not be approved");
        return api;
    }

    private static async Task<Results<Created<ServiceRecordResponse>, ValidationProblem, NotFound>> RecordAsync(
        ManualRecordRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock)
    {
        var check = new RequestValidator();
        var volunteerId = check.Required("volunteerId", request.VolunteerId);
        var date = check.Required("serviceDate", request.ServiceDate);
        var now = clock.GetUtcNow();
        check.Check(date is null || date <= CountyClock.CountyDate(now), "serviceDate", "Service cannot be recorded before it happens.");
        var hours = check.Range("hours", request.Hours, 0.01m, 24m);
        var content = check.Text("content", request.Content, 500);
        if (!check.IsValid) return check.Problem();
        if (await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId) is not { } volunteer || !caller.MayAccessUnit(volunteer.UnitCode))
            return TypedResults.NotFound();
        var record = new ServiceRecord(volunteer.Id, volunteer.UnitCode, ServiceRecordSource.Manual, null, date!.Value, hours!.Value,
            content, caller.ClientId ?? "unknown", now);
        db.ServiceRecords.Add(record);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/volunteers/service-records/{record.Id}", ServiceRecordResponse.From(record));
    }

    private static async Task<Results<Ok<PagedResult<ServiceRecordResponse>>, ValidationProblem>> ListAsync(
        VolunteersDbContext db, CallerContext caller, Guid? volunteerId, string? unitCode, string? status,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<ServiceRecordStatus>("status", status, required: false);
        if (!check.IsValid) return check.Problem();
        if (PageRequest.Validate(page, pageSize) is not { } paging) return TypedResults.ValidationProblem(PageRequest.Errors(page, pageSize));
        var query = db.ServiceRecords.AsNoTracking();
        if (caller.IsUnitScoped) query = query.Where(r => r.UnitCode == caller.UnitId);
        if (volunteerId is { } volunteer) query = query.Where(r => r.VolunteerId == volunteer);
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(r => r.UnitCode == unitCode);
        if (wanted is { } s) query = query.Where(r => r.Status == s);
        if (from is { } since) query = query.Where(r => r.ServiceDate >= since);
        if (to is { } until) query = query.Where(r => r.ServiceDate <= until);
        var result = await paging.ApplyAsync(query.OrderByDescending(r => r.ServiceDate).ThenBy(r => r.Id), r => r, cancellationToken);
        return TypedResults.Ok(new PagedResult<ServiceRecordResponse>([.. result.Items.Select(ServiceRecordResponse.From)], result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound>> GetAsync(Guid id, VolunteersDbContext db, CallerContext caller) =>
        await db.ServiceRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is { } record && caller.MayAccessUnit(record.UnitCode)
            ? TypedResults.Ok(ServiceRecordResponse.From(record))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> ApproveAsync(
        Guid id, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken) =>
        await DecideAsync(id, db, caller, cancellationToken, (record, ct) => db.ApproveAsync(record, caller.ClientId ?? "unknown", clock.GetUtcNow(), ct));

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> DeclineAsync(
        Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return await DecideAsync(id, db, caller, cancellationToken, (record, _) =>
        {
            record.Decline(reason, caller.ClientId ?? "unknown", clock.GetUtcNow());
            return Task.CompletedTask;
        });
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> VoidAsync(
        Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return await DecideAsync(id, db, caller, cancellationToken,
            (record, ct) => db.VoidAsync(record, reason, caller.ClientId ?? "unknown", clock.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<BulkApproveResponse>, ValidationProblem>> BulkApproveAsync(
        BulkApproveRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var ids = (request.Ids ?? []).Distinct().ToArray();
        check.Check(ids.Length is > 0 and <= 1000, "ids", "Between 1 and 1000 record ids.");
        if (!check.IsValid) return check.Problem();
        var failed = await db.CommitAsync(ct => db.ApproveManyAsync(ids, record => caller.MayAccessUnit(record.UnitCode),
            caller.ClientId ?? "unknown", clock.GetUtcNow(), ct), cancellationToken);
        var approved = ids.Length - failed.Count;
        return TypedResults.Ok(new BulkApproveResponse(approved, [.. failed.Select(f => new BulkFailure(f.Id, f.Reason))]));
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> DecideAsync(
        Guid id, VolunteersDbContext db, CallerContext caller, CancellationToken cancellationToken, Func<ServiceRecord, CancellationToken, Task> decide)
    {
        var record = await db.CommitAsync(async ct =>
        {
            var found = await db.ServiceRecords.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (found is null || !caller.MayAccessUnit(found.UnitCode)) return null;
            await decide(found, ct);
            return found;
        }, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(ServiceRecordResponse.From(record));
    }
}
