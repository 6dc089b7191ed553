using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Endpoints;

public static class ProjectsApi
{
    public sealed record CreateTeamRequest(string? Name, string? UnitCode, Guid? LeaderVolunteerId);

    public sealed record TeamResponse(Guid Id, string Name, string UnitCode, Guid? LeaderVolunteerId);

    public sealed record CreateProjectRequest(string? Name, string? Category, string? OrganizingUnitCode, Guid? TeamId, string? Campaign);

    public sealed record ProjectResponse(Guid Id, string Name, ProjectCategory Category, string OrganizingUnitCode, Guid? TeamId, string? Campaign);

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams and projects");
        teams.MapPost("/", CreateTeamAsync).RequireScope(CivilityScopes.VolunteersWrite).WithSummary("Form a volunteer team with a leader");
        teams.MapGet("/", ListTeamsAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("Teams");
        var projects = api.MapGroup("/projects").WithTags("Teams and projects");
        projects.MapPost("/", CreateProjectAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .WithSummary("Start a volunteer project with a category and an organizing unit");
        projects.MapGet("/", ListProjectsAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("Projects; filter by category and unit");
        return api;
    }

    private static async Task<Results<Created<TeamResponse>, ValidationProblem, NotFound>> CreateTeamAsync(
        CreateTeamRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var unitCode = VolunteerRegistration.UnitFor(caller, request.UnitCode) ?? "";
        check.Check(unitCode.Length > 0, "unitCode", "This field is required.");
        if (!check.IsValid) return check.Problem();
        if (!await db.Units.AnyAsync(u => u.Code == unitCode)) return TypedResults.NotFound();
        if (request.LeaderVolunteerId is { } leader && !await db.Volunteers.AnyAsync(v => v.Id == leader && v.UnitCode == unitCode))
            return new RequestValidator().Add("leaderVolunteerId", "The leader must be a volunteer of the team's unit.").Problem();
        var team = new Team(name, unitCode, request.LeaderVolunteerId, clock.GetUtcNow());
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/volunteers/teams/{team.Id}", new TeamResponse(team.Id, team.Name, team.UnitCode, team.LeaderVolunteerId));
    }

    private static async Task<Ok<List<TeamResponse>>> ListTeamsAsync(VolunteersDbContext db, CallerContext caller) =>
        TypedResults.Ok(await db.Teams.AsNoTracking()
            .Where(t => !caller.IsUnitScoped || t.UnitCode == caller.UnitId)
            .OrderBy(t => t.UnitCode).ThenBy(t => t.Name)
            .Select(t => new TeamResponse(t.Id, t.Name, t.UnitCode, t.LeaderVolunteerId)).ToListAsync());

    private static async Task<Results<Created<ProjectResponse>, ValidationProblem, NotFound>> CreateProjectAsync(
        CreateProjectRequest request, VolunteersDbContext db, CallerContext caller, TimeProvider clock)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var category = check.Enum<ProjectCategory>("category", request.Category);
        var unitCode = VolunteerRegistration.UnitFor(caller, request.OrganizingUnitCode) ?? "";
        check.Check(unitCode.Length > 0, "organizingUnitCode", "This field is required.");
        var campaign = check.OptionalText("campaign", request.Campaign, 100);
        if (!check.IsValid) return check.Problem();
        if (!await db.Units.AnyAsync(u => u.Code == unitCode)) return TypedResults.NotFound();
        var project = new VolunteerProject(name, category!.Value, unitCode, request.TeamId, campaign, clock.GetUtcNow());
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/volunteers/projects/{project.Id}", ToResponse(project));
    }

    private static async Task<Results<Ok<List<ProjectResponse>>, ValidationProblem>> ListProjectsAsync(
        VolunteersDbContext db, CallerContext caller, string? category, string? unitCode)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<ProjectCategory>("category", category, required: false);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok((await db.Projects.AsNoTracking()
            .Where(p => !caller.IsUnitScoped || p.OrganizingUnitCode == caller.UnitId)
            .Where(p => wanted == null || p.Category == wanted)
            .Where(p => unitCode == null || p.OrganizingUnitCode == unitCode)
            .OrderByDescending(p => p.CreatedAt).ToListAsync()).Select(ToResponse).ToList());
    }

    private static ProjectResponse ToResponse(VolunteerProject p) => new(p.Id, p.Name, p.Category, p.OrganizingUnitCode, p.TeamId, p.Campaign);
}
