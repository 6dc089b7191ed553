using Civility.Hosting.Http;
using Civility.MoralModels.Application.Workflow;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.MoralModels.Endpoints;

/// <summary>The workflow's explicit transitions; each is checked by the nomination and kept in its history.</summary>
public static class WorkflowApi
{
    public sealed record TransitionRequest(string? Reason);

    public static RouteGroupBuilder MapWorkflowApi(this RouteGroupBuilder api)
    {
        var nominations = api.MapGroup("/nominations/{id:guid}").WithTags("Nomination workflow");
        nominations.MapPost("/review", ReviewAsync).WithSummary("Nominated → under review").RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/publicize", PublicizeAsync).WithSummary("Under review → in publicity (公示), credit-gated")
            .RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/select", SelectAsync).WithSummary("In publicity → selected, once the window has closed")
            .RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/reject", RejectAsync).WithSummary("Reject, with a written reason").RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/resume", ResumeAsync).WithSummary("Resume a suspended nomination (no open objection, no active listing)")
            .RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/revoke", RevokeAsync).WithSummary("Revoke a commended model's honour, with a written reason")
            .RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/restore-to-boards", RestoreAsync)
            .WithSummary("Put a model held off the boards by a black-listing back on them (no active listing), with a reason")
            .RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> RevokeAsync(
        Guid id, TransitionRequest? request, RevokeHonour revoke, CancellationToken ct) =>
        Reason(request, required: true) is { Text: { } reason }
            ? TypedResults.Ok(NominationViews.ToResponse(await revoke.ExecuteAsync(id, reason, ct)))
            : InvalidReason();

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> RestoreAsync(
        Guid id, TransitionRequest? request, RestoreToBoards restore, CancellationToken ct) =>
        Reason(request, required: true) is { Text: { } reason }
            ? TypedResults.Ok(NominationViews.ToResponse(await restore.ExecuteAsync(id, reason, ct)))
            : InvalidReason();

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> ReviewAsync(
        Guid id, TransitionRequest? request, StartReview review, CancellationToken ct) =>
        Reason(request, required: false) is { } reason
            ? TypedResults.Ok(NominationViews.ToResponse(await review.ExecuteAsync(id, reason.Text, ct)))
            : InvalidReason();

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> PublicizeAsync(
        Guid id, TransitionRequest? request, OpenPublicity publicize, CancellationToken ct) =>
        Reason(request, required: false) is { } reason
            ? TypedResults.Ok(NominationViews.ToResponse(await publicize.ExecuteAsync(id, reason.Text, ct)))
            : InvalidReason();

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> SelectAsync(
        Guid id, TransitionRequest? request, SelectNominee select, CancellationToken ct) =>
        Reason(request, required: false) is { } reason
            ? TypedResults.Ok(NominationViews.ToResponse(await select.ExecuteAsync(id, reason.Text, ct)))
            : InvalidReason();

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> RejectAsync(
        Guid id, TransitionRequest? request, RejectNomination reject, CancellationToken ct) =>
        Reason(request, required: true) is { Text: { } reason }
            ? TypedResults.Ok(NominationViews.ToResponse(await reject.ExecuteAsync(id, reason, ct)))
            : InvalidReason();

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> ResumeAsync(
        Guid id, TransitionRequest? request, ResumeNomination resume, CancellationToken ct) =>
        Reason(request, required: true) is { Text: { } reason }
            ? TypedResults.Ok(NominationViews.ToResponse(await resume.ExecuteAsync(id, reason, ct)))
            : InvalidReason();

    private sealed record CheckedReason(string? Text);

    /// <summary>The reason, trimmed (no text when none was given), or null when it is missing but required, or too long.</summary>
    private static CheckedReason? Reason(TransitionRequest? request, bool required)
    {
        var text = request?.Reason?.Trim();
        if (required && string.IsNullOrEmpty(text)) return null;
        if (text is { Length: > 1000 }) return null;
        return new CheckedReason(string.IsNullOrEmpty(text) ? null : text);
    }

    private static ValidationProblem InvalidReason() =>
        new RequestValidator().Add("reason", "A written reason is required here, at most 1000 characters.").Problem();
}
