using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class ServiceRecordsApi
{
    /// <param name="StartsAt">
    /// When the service started, with <paramref name="EndsAt"/>: hours with a time are checked against it and against the
    /// volunteer's other timed hours.
    /// </param>
    public sealed record ManualRecordRequest(Guid? VolunteerId, DateOnly? ServiceDate, decimal? Hours, string? Content,
        DateTimeOffset? StartsAt = null, DateTimeOffset? EndsAt = null);

    public sealed record ReasonRequest(string? Reason);

    public sealed record BulkApproveRequest(Guid[]? Ids);

    public sealed record BulkApproveResponse(int Approved, IReadOnlyList<BulkFailure> Failed);

    public sealed record BulkFailure(Guid Id, string Reason);

    public static RouteGroupBuilder MapServiceRecordsApi(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/service-records").WithTags("Service hours");
        records.MapPost("/", RecordAsync).RequireScope(CivilityScopes.VolunteersWrite).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record hours by hand (an organizer): pending until approved");
        records.MapGet("/", ListAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Service records, paged; filter by volunteer, unit, status, date range");
        records.MapGet("/{id:guid}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One service record");
        records.MapPost("/{id:guid}/approve", ApproveAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Approve pending hours (they count from now on; star levels may be reached)");
        records.MapPost("/{id:guid}/decline", DeclineAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Decline pending hours with a reason");
        records.MapPost("/{id:guid}/void", VoidAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Void a wrong approved record with a reason (records are never edited or deleted)");
        records.MapPost("/approve", BulkApproveAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Approve many pending records at once; reports the ones that could not be approved");
        return api;
    }

    private static async Task<Results<Created<ServiceRecordResponse>, ValidationProblem>> RecordAsync(
        ManualRecordRequest request, RecordServiceHours recordServiceHours, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var volunteerId = check.Required("volunteerId", request.VolunteerId);
        var date = check.Required("serviceDate", request.ServiceDate);
        check.Check(date is null || date <= CountyClock.CountyDate(clock.GetUtcNow()), "serviceDate",
            "Service cannot be recorded before it happens.");
        var hours = check.Range("hours", request.Hours, 0.01m, 24m);
        var content = check.Text("content", request.Content, 500);
        check.Check(request.StartsAt is null == request.EndsAt is null, "endsAt", "Give both the start and the end, or neither.");
        check.Check(request.StartsAt is null || request.EndsAt is null || request.EndsAt > request.StartsAt, "endsAt",
            "The service ends after it starts.");
        check.Check(request.StartsAt is null || date is null || CountyClock.CountyDate(request.StartsAt.Value) == date, "startsAt",
            "The service starts on its service date (China Standard Time).");
        if (!check.IsValid) return check.Problem();
        var period = request.StartsAt is { } start && request.EndsAt is { } end
            ? new ServicePeriod(start.ToUniversalTime(), end.ToUniversalTime())
            : (ServicePeriod?)null;
        var record = await recordServiceHours.ExecuteAsync(volunteerId!.Value, date!.Value, hours!.Value, content, period,
            cancellationToken);
        return TypedResults.Created($"/api/volunteers/service-records/{record.Id}", ServiceRecordResponse.From(record));
    }

    private static async Task<Results<Ok<PagedResult<ServiceRecordResponse>>, ValidationProblem>> ListAsync(
        ServiceRecordQueries records, Guid? volunteerId, string? unitCode, string? status,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<ServiceRecordStatus>("status", status, required: false);
        if (!check.IsValid) return check.Problem();
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var result = await records.PageAsync(new ServiceRecordFilter(volunteerId, unitCode, wanted, from, to), paging, cancellationToken);
        return TypedResults.Ok(new PagedResult<ServiceRecordResponse>([.. result.Items.Select(ServiceRecordResponse.From)],
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<ServiceRecordResponse>> GetAsync(Guid id, ServiceRecordQueries records,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ServiceRecordResponse.From(await records.OneAsync(id, cancellationToken)));

    private static async Task<Ok<ServiceRecordResponse>> ApproveAsync(Guid id, ApproveServiceRecord approveServiceRecord,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ServiceRecordResponse.From(await approveServiceRecord.ExecuteAsync(id, cancellationToken)));

    private static async Task<Results<Ok<ServiceRecordResponse>, ValidationProblem>> DeclineAsync(
        Guid id, ReasonRequest body, DeclineServiceRecord declineServiceRecord, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ServiceRecordResponse.From(await declineServiceRecord.ExecuteAsync(id, reason, cancellationToken)));
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, ValidationProblem>> VoidAsync(
        Guid id, ReasonRequest body, VoidServiceRecord voidServiceRecord, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", body.Reason, 500);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ServiceRecordResponse.From(await voidServiceRecord.ExecuteAsync(id, reason, cancellationToken)));
    }

    private static async Task<Results<Ok<BulkApproveResponse>, ValidationProblem>> BulkApproveAsync(
        BulkApproveRequest request, BulkApproveServiceRecords bulkApprove, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var ids = (request.Ids ?? []).Distinct().ToArray();
        check.Check(ids.Length is > 0 and <= 1000, "ids", "Between 1 and 1000 record ids.");
        if (!check.IsValid) return check.Problem();
        var failed = await bulkApprove.ExecuteAsync(ids, cancellationToken);
        return TypedResults.Ok(new BulkApproveResponse(ids.Length - failed.Count,
            [.. failed.Select(f => new BulkFailure(f.Id, f.Reason))]));
    }
}
