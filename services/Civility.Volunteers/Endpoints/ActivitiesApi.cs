using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class ActivitiesApi
{
    public sealed record CreateActivityRequest(
        Guid? ProjectId, string? Title, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity);

    public sealed record SignUpRequest(Guid? VolunteerId);

    public sealed record SignUpResponse(Guid VolunteerId, SignUpStatus Status, DateTimeOffset SignedUpAt, DateTimeOffset? PromotedAt,
        DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt);

    public sealed record ActivityResponse(Guid Id, Guid ProjectId, string UnitCode, string Title, string Place,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Confirmed, IReadOnlyList<SignUpResponse> SignUps);

    public sealed record CheckOutResponse(SignUpResponse SignUp, ServiceRecordResponse ServiceRecord);

    public sealed record ActivitySummary(Guid Id, Guid ProjectId, string UnitCode, string Title, string Place,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity);

    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Activities");
        activities.MapPost("/", CreateAsync).RequireScope(CivilityScopes.VolunteersWrite).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Schedule an activity of a project");
        activities.MapGet("/", ListAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Activities by project, unit and time, soonest first (a unit-scoped client sees its own)");
        activities.MapGet("/{id:guid}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An activity with its sign-ups and waitlist");
        activities.MapPost("/{id:guid}/sign-ups", SignUpAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sign a volunteer up: confirmed while places remain, waitlisted after");
        activities.MapDelete("/{id:guid}/sign-ups/{volunteerId:guid}", CancelAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Cancel a sign-up (kept as cancelled); the first on the waitlist takes the place");
        activities.MapPost("/{id:guid}/sign-ups/{volunteerId:guid}/check-in", CheckInAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check in (a late arrival moves the start; an early one is not credited)");
        activities.MapPost("/{id:guid}/sign-ups/{volunteerId:guid}/check-out", CheckOutAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Check out: records the actual hours as a pending service record");
        return api;
    }

    private static async Task<Results<Created<ActivityResponse>, ValidationProblem>> CreateAsync(
        CreateActivityRequest request, ScheduleActivity scheduleActivity, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var projectId = check.Required("projectId", request.ProjectId);
        var title = check.Text("title", request.Title, 200);
        var place = check.Text("place", request.Place, 200);
        var startsAt = check.Required("startsAt", request.StartsAt);
        var endsAt = check.Required("endsAt", request.EndsAt);
        check.Check(startsAt is null || endsAt is null || endsAt > startsAt, "endsAt", "An activity ends after it starts.");
        var capacity = check.Range("capacity", request.Capacity, 1, 10_000);
        if (!check.IsValid) return check.Problem();
        var activity = await scheduleActivity.ExecuteAsync(projectId!.Value, title, place, startsAt!.Value, endsAt!.Value, capacity!.Value,
            cancellationToken);
        return TypedResults.Created($"/api/volunteers/activities/{activity.Id}", ToResponse(activity));
    }

    private static async Task<Results<Ok<PagedResult<ActivitySummary>>, ValidationProblem>> ListAsync(
        ActivityQueries activities, Guid? projectId, string? unitCode, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        check.Check(from is null || to is null || to >= from, "to", "The end of the period comes after its start.");
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var result = await activities.PageAsync(new ActivityFilter(projectId, unitCode, from, to), paging, cancellationToken);
        return TypedResults.Ok(new PagedResult<ActivitySummary>([.. result.Items.Select(a =>
            new ActivitySummary(a.Id, a.ProjectId, a.UnitCode, a.Title, a.Place, a.StartsAt, a.EndsAt, a.Capacity))],
            result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<ActivityResponse>> GetAsync(Guid id, ActivityQueries activities, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await activities.OneAsync(id, cancellationToken)));

    private static async Task<Results<Ok<SignUpResponse>, ValidationProblem>> SignUpAsync(
        Guid id, SignUpRequest request, SignUpForActivity signUpForActivity, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var volunteerId = check.Required("volunteerId", request.VolunteerId);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ToResponse(await signUpForActivity.ExecuteAsync(id, volunteerId!.Value, cancellationToken)));
    }

    private static async Task<Ok<ActivityResponse>> CancelAsync(Guid id, Guid volunteerId, CancelSignUp cancelSignUp,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await cancelSignUp.ExecuteAsync(id, volunteerId, cancellationToken)));

    private static async Task<Ok<SignUpResponse>> CheckInAsync(Guid id, Guid volunteerId, CheckInToActivity checkIn,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await checkIn.ExecuteAsync(id, volunteerId, cancellationToken)));

    private static async Task<Ok<CheckOutResponse>> CheckOutAsync(Guid id, Guid volunteerId, CheckOutOfActivity checkOut,
        CancellationToken cancellationToken)
    {
        var (signUp, record) = await checkOut.ExecuteAsync(id, volunteerId, cancellationToken);
        return TypedResults.Ok(new CheckOutResponse(ToResponse(signUp), ServiceRecordResponse.From(record)));
    }

    private static ActivityResponse ToResponse(Activity a) => new(a.Id, a.ProjectId, a.UnitCode, a.Title, a.Place, a.StartsAt, a.EndsAt,
        a.Capacity, a.Confirmed, [.. a.SignUps.OrderBy(s => s.SignedUpAt).Select(ToResponse)]);

    private static SignUpResponse ToResponse(SignUp s) =>
        new(s.VolunteerId, s.Status, s.SignedUpAt, s.PromotedAt, s.CheckedInAt, s.CheckedOutAt);
}
