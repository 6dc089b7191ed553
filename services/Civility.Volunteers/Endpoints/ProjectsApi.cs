using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class ProjectsApi
{
    public sealed record CreateTeamRequest(string? Name, string? UnitCode, Guid? LeaderVolunteerId);

    public sealed record TeamResponse(Guid Id, string Name, string UnitCode, Guid? LeaderVolunteerId);

    public sealed record CreateProjectRequest(string? Name, string? Category, string? OrganizingUnitCode, Guid? TeamId, string? Campaign);

    public sealed record ProjectResponse(
        Guid Id, string Name, ProjectCategory Category, string OrganizingUnitCode, Guid? TeamId, string? Campaign);

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams and projects");
        teams.MapPost("/", CreateTeamAsync).RequireScope(CivilityScopes.VolunteersWrite).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Form a volunteer team with a leader");
        teams.MapGet("/", ListTeamsAsync).RequireScope(CivilityScopes.VolunteersRead).WithSummary("Teams");
        var projects = api.MapGroup("/projects").WithTags("Teams and projects");
        projects.MapPost("/", CreateProjectAsync).RequireScope(CivilityScopes.VolunteersWrite)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Start a volunteer project with a category and an organizing unit");
        projects.MapGet("/", ListProjectsAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Projects; filter by category and unit");
        return api;
    }

    private static async Task<Results<Created<TeamResponse>, ValidationProblem>> CreateTeamAsync(
        CreateTeamRequest request, FormTeam formTeam, CallerContext caller, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var unitCode = caller.UnitFor(request.UnitCode) ?? "";
        check.Check(unitCode.Length > 0, "unitCode", "This field is required.");
        if (!check.IsValid) return check.Problem();
        return await formTeam.ExecuteAsync(name, unitCode, request.LeaderVolunteerId, cancellationToken) switch
        {
            FormTeam.Outcome.Formed { Team: var team } =>
                TypedResults.Created($"/api/volunteers/teams/{team.Id}", ToResponse(team)),
            _ => new RequestValidator().Add("leaderVolunteerId", "The leader must be a volunteer of the team's unit.").Problem(),
        };
    }

    private static async Task<Ok<List<TeamResponse>>> ListTeamsAsync(ProjectQueries projects, CancellationToken cancellationToken) =>
        TypedResults.Ok((await projects.TeamsAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Results<Created<ProjectResponse>, ValidationProblem>> CreateProjectAsync(
        CreateProjectRequest request, StartProject startProject, CallerContext caller, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var category = check.Enum<ProjectCategory>("category", request.Category);
        var unitCode = caller.UnitFor(request.OrganizingUnitCode) ?? "";
        check.Check(unitCode.Length > 0, "organizingUnitCode", "This field is required.");
        var campaign = check.OptionalText("campaign", request.Campaign, 100);
        if (!check.IsValid) return check.Problem();
        var project = await startProject.ExecuteAsync(name, category!.Value, unitCode, request.TeamId, campaign, cancellationToken);
        return TypedResults.Created($"/api/volunteers/projects/{project.Id}", ToResponse(project));
    }

    private static async Task<Results<Ok<List<ProjectResponse>>, ValidationProblem>> ListProjectsAsync(
        ProjectQueries projects, string? category, string? unitCode, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var wanted = check.Enum<ProjectCategory>("category", category, required: false);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok((await projects.ProjectsAsync(wanted, unitCode, cancellationToken)).Select(ToResponse).ToList());
    }

    private static TeamResponse ToResponse(Team t) => new(t.Id, t.Name, t.UnitCode, t.LeaderVolunteerId);

    private static ProjectResponse ToResponse(VolunteerProject p) =>
        new(p.Id, p.Name, p.Category, p.OrganizingUnitCode, p.TeamId, p.Campaign);
}
