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
using Civility.Domain;
using Civility.Domain.Time;

namespace Civility.Volunteers.Endpoints;

public static class ActivitiesApi
{
    public sealed record CreateActivityRequest(Guid? ProjectId, string? Title, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity);

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
        activities.MapPost("/", CreateAsync).RequireScope(CivilityScopes.VolunteersWrite).WithSummary("Schedule an activity of a project");
        activities.MapGet("/", ListAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Activities by project, unit and time, soonest first (a unit-scoped client sees its own)");
        activities.MapGet("/{id:guid}", GetAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("An activity with its sign-ups and waitlist");
        activities.MapPost("/{id:guid}/sign-ups", SignUpAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Sign a volunteer up: confirmed while places remain, waitlisted after");
        activities.MapDelete("/{id:guid}/sign-ups/{volunteerId:guid}", CancelAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Cancel a sign-up (kept as cancelled); the first on the waitlist takes the place");
        activities.MapPost("/{id:guid}/sign-ups/{volunteerId:guid}/check-in", CheckInAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Check in (a late arrival moves the start; an early one is not credited)");
        activities.MapPost("/{id:guid}/sign-ups/{volunteerId:guid}/check-out", CheckOutAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Check out: records the actual hours as a pending service record");
        return api;
    }

    private static async Task<Results<Created<ActivityResponse>, ValidationProblem, NotFound>> CreateAsync(
        CreateActivityRequest request, VolunteersDbContext db, CallerContext caller)
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
        if (await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId) is not { } project || !caller.MayAccessUnit(project.OrganizingUnitCode))
            return TypedResults.NotFound();
        var activity = new Activity(project.Id, project.OrganizingUnitCode, title, place, startsAt!.Value, endsAt!.Value, capacity!.Value);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/volunteers/activities/{activity.Id}", ToResponse(activity));
    }

    private static async Task<Results<Ok<PagedResult<ActivitySummary>>, ValidationProblem>> ListAsync(
        VolunteersDbContext db, CallerContext caller, Guid? projectId, string? unitCode, DateTimeOffset? from, DateTimeOffset? to,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        check.Check(from is null || to is null || to >= from, "to", "The end of the period comes after its start.");
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var query = db.Activities.AsNoTracking();
        if (caller.IsUnitScoped) query = query.Where(a => a.UnitCode == caller.UnitId);
        if (projectId is { } project) query = query.Where(a => a.ProjectId == project);
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(a => a.UnitCode == unitCode.Trim().ToUpperInvariant());
        if (from is { } since) query = query.Where(a => a.EndsAt >= since.ToUniversalTime());
        if (to is { } until) query = query.Where(a => a.StartsAt <= until.ToUniversalTime());
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id),
            a => new ActivitySummary(a.Id, a.ProjectId, a.UnitCode, a.Title, a.Place, a.StartsAt, a.EndsAt, a.Capacity), cancellationToken));
    }

    private static async Task<Results<Ok<ActivityResponse>, NotFound>> GetAsync(Guid id, VolunteersDbContext db, CallerContext caller) =>
        await Find(db, id, caller) is { } activity ? TypedResults.Ok(ToResponse(activity)) : TypedResults.NotFound();

    private static async Task<Results<Ok<SignUpResponse>, ValidationProblem, NotFound>> SignUpAsync(
        Guid id, SignUpRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var volunteerId = check.Required("volunteerId", request.VolunteerId);
        if (!check.IsValid) return check.Problem();
        if (await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, cancellationToken) is not { } volunteer
            || !caller.MayAccessUnit(volunteer.UnitCode))
            return TypedResults.NotFound();
        if (volunteer.Status != VolunteerStatus.Active) throw DomainRuleException.Rule("An inactive volunteer cannot sign up.");
        var signUp = await db.InTransactionAsync(async ct =>
        {
            var activity = await FindForUpdateAsync(db, id, caller, ct) ?? throw new DomainRuleException(RuleKind.NotFound, "No such activity.");
            return activity.SignUp(volunteer.Id, clock.GetUtcNow());
        }, cancellationToken, OnConflict.Retry);
        return TypedResults.Ok(ToResponse(signUp));
    }

    private static async Task<Results<Ok<ActivityResponse>, NotFound>> CancelAsync(
        Guid id, Guid volunteerId, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var activity = await db.InTransactionAsync(async ct =>
        {
            var found = await FindForUpdateAsync(db, id, caller, ct) ?? throw new DomainRuleException(RuleKind.NotFound, "No such activity.");
            found.Cancel(volunteerId, clock.GetUtcNow());
            return found;
        }, cancellationToken, OnConflict.Retry);
        return TypedResults.Ok(ToResponse(activity));
    }

    private static async Task<Results<Ok<SignUpResponse>, NotFound>> CheckInAsync(
        Guid id, Guid volunteerId, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signUp = await db.InTransactionAsync(async ct =>
        {
            var activity = await FindForUpdateAsync(db, id, caller, ct) ?? throw new DomainRuleException(RuleKind.NotFound, "No such activity.");
            activity.CheckIn(volunteerId, clock.GetUtcNow());
            return activity.SignUps.Single(s => s.VolunteerId == volunteerId && s.Status != SignUpStatus.Cancelled);
        }, cancellationToken, OnConflict.Retry);
        return TypedResults.Ok(ToResponse(signUp));
    }

    private static async Task<Results<Ok<CheckOutResponse>, NotFound>> CheckOutAsync(
        Guid id, Guid volunteerId, VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits,
        CancellationToken cancellationToken)
    {
        var (signUp, record) = await db.InTransactionAsync(async ct =>
        {
            var activity = await FindForUpdateAsync(db, id, caller, ct) ?? throw new DomainRuleException(RuleKind.NotFound, "No such activity.");
            var now = clock.GetUtcNow();
            var served = activity.CheckOut(volunteerId, now);
            if (served.Hours <= 0) throw DomainRuleException.Rule("No service time to record: the volunteer left before the activity started.");
            var volunteer = (await db.LockVolunteersAsync([volunteerId], ct)).Values.Single();
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == activity.ProjectId, ct);
            // The hours count for the volunteer's unit, which approves them, whoever organized the activity.
            var record = new ServiceRecord(volunteerId, volunteer.UnitCode, activity.UnitCode, ServiceRecordSource.Activity, activity.Id.ToString(),
                CountyClock.CountyDate(served.Period.Start), served.Hours, $"{project.Name}: {activity.Title}", caller.Actor, now, served.Period);
            await db.RecordAsync(record, limits.Value, caller.IsAdmin, now, ct);
            return (activity.SignUps.Single(s => s.VolunteerId == volunteerId && s.Status != SignUpStatus.Cancelled), record);
        }, cancellationToken, OnConflict.Retry);
        return TypedResults.Ok(new CheckOutResponse(ToResponse(signUp), ServiceRecordResponse.From(record)));
    }

    /// <summary>
    /// Loads an activity with its row locked for the transaction: two sign-ups for the last place queue here, so the
    /// capacity holds however many arrive at once.
    /// </summary>
    private static async Task<Activity?> FindForUpdateAsync(VolunteersDbContext db, Guid id, CallerContext caller, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM volunteers.activities WHERE id = {id} FOR UPDATE", cancellationToken);
        return await Find(db, id, caller, cancellationToken);
    }

    private static async Task<Activity?> Find(VolunteersDbContext db, Guid id, CallerContext caller, CancellationToken cancellationToken = default) =>
        await db.Activities.Include(a => a.SignUps).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } activity && caller.MayAccessUnit(activity.UnitCode)
            ? activity
            : null;

    private static ActivityResponse ToResponse(Activity a) => new(a.Id, a.ProjectId, a.UnitCode, a.Title, a.Place, a.StartsAt, a.EndsAt,
        a.Capacity, a.Confirmed, [.. a.SignUps.OrderBy(s => s.SignedUpAt).Select(ToResponse)]);

    private static SignUpResponse ToResponse(SignUp s) => new(s.VolunteerId, s.Status, s.SignedUpAt, s.PromotedAt, s.CheckedInAt, s.CheckedOutAt);
}
