using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.CreationTasks;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.VillagePairing.Endpoints;

/// <summary>Creation tasks (创建任务) handed down by the county civilization office.</summary>
public static class CreationTasksApi
{
    public sealed record CreateTaskRequest(string? Title, string? Basis, DateOnly? Deadline, IReadOnlyList<string>? UnitCodes);

    public sealed record EvidenceRequest(string? UnitCode, string? Evidence);

    public sealed record AssignmentResponse(string UnitCode, string? Evidence, DateTimeOffset? SubmittedAt);

    public sealed record TaskResponse(
        Guid Id, string Title, string Basis, DateOnly Deadline, CreationTaskStatus Status, DateTimeOffset? DoneAt,
        IReadOnlyList<AssignmentResponse> Assignments);

    public static RouteGroupBuilder MapCreationTasksApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/creation-tasks").WithTags("Creation tasks");
        tasks.MapPost("/", CreateAsync).WithSummary("Hand a task down to units").RequireScope(CivilityScopes.Admin);
        tasks.MapGet("/", ListAsync)
            .WithSummary("Tasks by status (a unit sees those assigned to it)").RequireScope(CivilityScopes.PairingRead);
        tasks.MapGet("/overdue", OverdueAsync)
            .WithSummary("Overdue tasks and the units that have not filed evidence").RequireScope(CivilityScopes.PairingRead);
        tasks.MapGet("/{id:guid}", GetAsync).WithSummary("One task").RequireScope(CivilityScopes.PairingRead);
        tasks.MapPost("/{id:guid}/evidence", EvidenceAsync)
            .WithSummary("File a unit's evidence for a task").RequireScope(CivilityScopes.PairingWrite);
        return api;
    }

    private static async Task<Results<Created<TaskResponse>, ValidationProblem>> CreateAsync(
        CreateTaskRequest request, HandDownTask handDown, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        var v = new RequestValidator();
        var title = v.Text("title", request.Title, 200);
        var basis = v.Text("basis", request.Basis, 500);
        var deadline = v.Required("deadline", request.Deadline);
        v.Check(deadline is null || deadline >= clock.CountyToday(), "deadline", "The deadline is today or later.");
        var codes = (request.UnitCodes ?? []).Select(c => c?.Trim() ?? "").ToList();
        v.Check(codes.Count is >= 1 and <= 500, "unitCodes", "Assign the task to 1 to 500 units.");
        v.Check(codes.All(c => c.Length is > 0 and <= 32), "unitCodes", "A unit code has 1 to 32 characters.");
        if (!v.IsValid) return v.Problem();
        var task = await handDown.ExecuteAsync(title, basis, deadline!.Value, codes, ct);
        return TypedResults.Created($"/api/pairing/creation-tasks/{task.Id}", ToResponse(task, caller));
    }

    private static async Task<Results<Ok<PagedResult<TaskResponse>>, ValidationProblem>> ListAsync(
        ListTasks list, CallerContext caller, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var state = v.Enum<CreationTaskStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponses(await list.ExecuteAsync(state, paging, ct), caller));
    }

    private static async Task<Results<Ok<PagedResult<TaskResponse>>, ValidationProblem>> OverdueAsync(
        ListTasks list, CallerContext caller, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        return TypedResults.Ok(ToResponses(await list.ExecuteAsync(CreationTaskStatus.Overdue, paging, ct), caller));
    }

    private static async Task<Ok<TaskResponse>> GetAsync(Guid id, GetTask get, CallerContext caller, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct), caller));

    private static async Task<Results<Ok<TaskResponse>, ValidationProblem>> EvidenceAsync(
        Guid id, EvidenceRequest request, FileEvidence file, CallerContext caller, CancellationToken ct)
    {
        var v = new RequestValidator();
        var evidence = v.Text("evidence", request.Evidence, 500);
        // A unit files for itself; a bureau-wide client names the unit.
        var unitCode = caller.IsUnitScoped ? caller.UnitId! : v.Text("unitCode", request.UnitCode, 32);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await file.ExecuteAsync(id, unitCode, evidence, ct), caller));
    }

    private static PagedResult<TaskResponse> ToResponses(PagedResult<CreationTask> result, CallerContext caller) =>
        new(result.Items.Select(t => ToResponse(t, caller)).ToList(), result.Page, result.PageSize, result.Total);

    /// <summary>A unit sees its own part only: other units' evidence is theirs.</summary>
    private static TaskResponse ToResponse(CreationTask t, CallerContext caller) => new(
        t.Id, t.Title, t.Basis, t.Deadline, t.Status, t.DoneAt,
        t.Assignments.Where(a => caller.MayAccessUnit(a.UnitCode))
            .Select(a => new AssignmentResponse(a.UnitCode, a.Evidence, a.SubmittedAt)).ToList());
}
