using Civility.Data;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Civility.Domain.Time;

namespace Civility.Volunteers.Endpoints;

public static class ServiceRecordsApi
{
    /// <param name="StartsAt">When the service started, with <paramref name="EndsAt"/>: hours with a time are checked against it and against the volunteer's other timed hours.</param>
    public sealed record ManualRecordRequest(Guid? VolunteerId, DateOnly? ServiceDate, decimal? Hours, string? Content,
        DateTimeOffset? StartsAt = null, DateTimeOffset? EndsAt = null);

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
        ManualRecordRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits,
        CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var volunteerId = check.Required("volunteerId", request.VolunteerId);
        var date = check.Required("serviceDate", request.ServiceDate);
        var now = clock.GetUtcNow();
        check.Check(date is null || date <= CountyClock.CountyDate(now), "serviceDate", "Service cannot be recorded before it happens.");
        var hours = check.Range("hours", request.Hours, 0.01m, 24m);
        var content = check.Text("content", request.Content, 500);
        check.Check(request.StartsAt is null == request.EndsAt is null, "endsAt", "Give both the start and the end, or neither.");
        check.Check(request.StartsAt is null || request.EndsAt is null || request.EndsAt > request.StartsAt, "endsAt", "The service ends after it starts.");
        check.Check(request.StartsAt is null || date is null || CountyClock.CountyDate(request.StartsAt.Value) == date, "startsAt",
            "The service starts on its service date (China Standard Time).");
        if (!check.IsValid) return check.Problem();
        var period = request.StartsAt is { } start && request.EndsAt is { } end ? new ServicePeriod(start.ToUniversalTime(), end.ToUniversalTime()) : (ServicePeriod?)null;
        var record = await db.InTransactionAsync(async ct =>
        {
            var volunteers = await db.LockVolunteersAsync([volunteerId!.Value], ct);
            if (!volunteers.TryGetValue(volunteerId.Value, out var volunteer) || !caller.MayAccessUnit(volunteer.UnitCode)) return null;
            var record = new ServiceRecord(volunteer.Id, volunteer.UnitCode, volunteer.UnitCode, ServiceRecordSource.Manual, null, date!.Value,
                hours!.Value, content, caller.Actor, now, period);
            await db.RecordAsync(record, limits.Value, caller.IsAdmin, now, ct);
            return record;
        }, cancellationToken, OnConflict.Retry);
        return record is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"/api/volunteers/service-records/{record.Id}", ServiceRecordResponse.From(record));
    }

    private static async Task<Results<Ok<PagedResult<ServiceRecordResponse>>, ValidationProblem>> ListAsync(
        VolunteersDbContext db, CallerContext caller, Guid? volunteerId, string? unitCode, string? status,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<ServiceRecordStatus>("status", status, required: false);
        if (!check.IsValid) return check.Problem();
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
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
        Guid id, VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits, CancellationToken cancellationToken) =>
        await DecideAsync(id, db, caller, cancellationToken, (record, volunteer, ct) =>
            db.ApproveAsync(record, volunteer, limits.Value, caller.Actor, inBulk: false, clock.GetUtcNow(), ct));

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> DeclineAsync(
        Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return await DecideAsync(id, db, caller, cancellationToken, (record, _, _) =>
        {
            record.Decline(reason, caller.Actor, clock.GetUtcNow());
            return Task.CompletedTask;
        });
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> VoidAsync(
        Guid id, ReasonRequest body, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return await DecideAsync(id, db, caller, cancellationToken, (record, volunteer, _) =>
        {
            db.Void(record, volunteer, reason, caller.Actor, clock.GetUtcNow());
            return Task.CompletedTask;
        });
    }

    private static async Task<Results<Ok<BulkApproveResponse>, ValidationProblem>> BulkApproveAsync(
        BulkApproveRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits,
        CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var ids = (request.Ids ?? []).Distinct().ToArray();
        check.Check(ids.Length is > 0 and <= 1000, "ids", "Between 1 and 1000 record ids.");
        if (!check.IsValid) return check.Problem();
        var failed = await db.InTransactionAsync(ct => db.ApproveManyAsync(ids, record => caller.MayAccessUnit(record.UnitCode), limits.Value,
            caller.Actor, clock.GetUtcNow(), ct), cancellationToken, OnConflict.Retry);
        var approved = ids.Length - failed.Count;
        return TypedResults.Ok(new BulkApproveResponse(approved, [.. failed.Select(f => new BulkFailure(f.Id, f.Reason))]));
    }

    /// <summary>
    /// A decision on one record, taken under its volunteer's row lock and on the record as it is once the lock is
    /// held: of two decisions sent at once, the second finds the record decided (409), never both committing.
    /// Only the volunteer's own unit (or an admin) decides, including on hours another unit recorded.
    /// </summary>
    private static async Task<Results<Ok<ServiceRecordResponse>, NotFound, ValidationProblem>> DecideAsync(
        Guid id, VolunteersDbContext db, CallerContext caller, CancellationToken cancellationToken,
        Func<ServiceRecord, Volunteer, CancellationToken, Task> decide)
    {
        var record = await db.InTransactionAsync(async ct =>
        {
            var target = await db.ServiceRecords.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.VolunteerId, r.UnitCode }).FirstOrDefaultAsync(ct);
            if (target is null || !caller.MayAccessUnit(target.UnitCode)) return null;
            var volunteers = await db.LockVolunteersAsync([target.VolunteerId], ct);
            var found = await db.ServiceRecords.SingleAsync(r => r.Id == id, ct);
            await decide(found, volunteers[found.VolunteerId], ct);
            return found;
        }, cancellationToken, OnConflict.Retry);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(ServiceRecordResponse.From(record));
    }
}
