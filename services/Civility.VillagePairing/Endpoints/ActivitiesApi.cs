using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.Activities;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.VillagePairing.Endpoints;

public static class ActivitiesApi
{
    public sealed record VolunteerRequest(Guid? VolunteerId, decimal? Hours);

    public sealed record ServedRequest(string? Group, int? Count);

    public sealed record CreateActivityRequest(
        Guid? PairingId, string? Category, DateOnly? Date, string? Location,
        IReadOnlyList<VolunteerRequest>? Volunteers, IReadOnlyList<ServedRequest>? PeopleServed);

    public sealed record VolunteerResponse(Guid VolunteerId, decimal Hours);

    public sealed record ServedResponse(ServedGroup Group, int Count);

    public sealed record ActivityResponse(
        Guid Id, Guid PairingId, string UnitCode, ActivityCategory Category, DateOnly Date, string Location,
        IReadOnlyList<VolunteerResponse> Volunteers, IReadOnlyList<ServedResponse> PeopleServed, int TotalServed,
        ActivityStatus Status, DateTimeOffset? CompletedAt);

    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Pairing activities");
        activities.MapPost("/", CreateAsync).WithSummary("Plan a pairing activity").RequireScope(CivilityScopes.PairingWrite);
        activities.MapGet("/", ListAsync).WithSummary("Activities by pairing, unit and status").RequireScope(CivilityScopes.PairingRead);
        activities.MapGet("/{id:guid}", GetAsync).WithSummary("One activity").RequireScope(CivilityScopes.PairingRead);
        activities.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithSummary("Complete an activity: announces the volunteers' hours, once").RequireScope(CivilityScopes.PairingWrite);
        return api;
    }

    private static async Task<Results<Created<ActivityResponse>, ValidationProblem>> CreateAsync(
        CreateActivityRequest request, PlanActivity plan, CancellationToken ct)
    {
        var v = new RequestValidator();
        var pairingId = v.Required("pairingId", request.PairingId);
        var category = v.Enum<ActivityCategory>("category", request.Category);
        var date = v.Required("date", request.Date);
        var location = v.Text("location", request.Location, 200);
        var volunteers = new List<ActivityVolunteer>();
        var vs = request.Volunteers ?? [];
        v.Check(vs.Count <= 500, "volunteers", "At most 500 volunteers.");
        for (var i = 0; i < vs.Count && i < 500; i++)
        {
            var id = v.Required($"volunteers[{i}].volunteerId", vs[i].VolunteerId);
            var hours = v.Range($"volunteers[{i}].hours", vs[i].Hours, 0.5m, 24m);
            if (id is { } vid && hours is { } h) volunteers.Add(new ActivityVolunteer(vid, h));
        }
        v.Check(volunteers.Select(x => x.VolunteerId).Distinct().Count() == volunteers.Count, "volunteers", "A volunteer is listed once.");
        var served = new List<PeopleServed>();
        var ss = request.PeopleServed ?? [];
        v.Check(ss.Count <= 10, "peopleServed", "At most 10 groups.");
        for (var i = 0; i < ss.Count && i < 10; i++)
        {
            var group = v.Enum<ServedGroup>($"peopleServed[{i}].group", ss[i].Group);
            var count = v.Range($"peopleServed[{i}].count", ss[i].Count, 0, 100_000);
            if (group is { } g && count is { } c) served.Add(new PeopleServed(g, c));
        }
        if (!v.IsValid) return v.Problem();
        var activity = await plan.ExecuteAsync(pairingId!.Value, category!.Value, date!.Value, location, volunteers, served, ct);
        return TypedResults.Created($"/api/pairing/activities/{activity.Id}", ToResponse(activity));
    }

    private static async Task<Results<Ok<PagedResult<ActivityResponse>>, ValidationProblem>> ListAsync(
        ListActivities list, Guid? pairingId, Guid? civilizedUnitId, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var state = v.Enum<ActivityStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(pairingId, civilizedUnitId, state, paging, ct);
        return TypedResults.Ok(new PagedResult<ActivityResponse>(
            result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<ActivityResponse>> GetAsync(Guid id, GetActivity get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Ok<ActivityResponse>> CompleteAsync(Guid id, CompleteActivity complete, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await complete.ExecuteAsync(id, ct)));

    private static ActivityResponse ToResponse(PairingActivity a) => new(
        a.Id, a.PairingId, a.UnitCode, a.Category, a.Date, a.Location,
        a.Volunteers.Select(x => new VolunteerResponse(x.VolunteerId, x.Hours)).ToList(),
        a.Served.Select(x => new ServedResponse(x.Group, x.Count)).ToList(), a.TotalServed, a.Status, a.CompletedAt);
}
