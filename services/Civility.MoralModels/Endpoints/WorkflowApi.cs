using Civility.Hosting.Http;
using Civility.MoralModels.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;

namespace Civility.MoralModels.Endpoints;

/// <summary>The workflow's explicit transitions; each is checked by the nomination and kept in its history.</summary>
public static class WorkflowApi
{
    public sealed record TransitionRequest(string? Reason);

    public static RouteGroupBuilder MapWorkflowApi(this RouteGroupBuilder api)
    {
        var nominations = api.MapGroup("/nominations/{id:guid}").WithTags("Nomination workflow");
        nominations.MapPost("/review", ReviewAsync).WithSummary("Nominated → under review").RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/publicize", PublicizeAsync).WithSummary("Under review → in publicity (公示), credit-gated").RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/select", SelectAsync).WithSummary("In publicity → selected, once the window has closed").RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/reject", RejectAsync).WithSummary("Reject, with a written reason").RequireScope(CivilityScopes.Admin);
        nominations.MapPost("/resume", ResumeAsync).WithSummary("Resume a suspended nomination (no open objection, no active listing)").RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> ReviewAsync(
        Guid id, TransitionRequest? request, MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        if (Reason(request, required: false) is not { } reason) return InvalidReason();
        var nomination = await db.LoadAsync(id, caller, ct);
        nomination.StartReview(caller.Actor, reason.Text, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NominationViews.ToResponse(nomination));
    }

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> PublicizeAsync(
        Guid id, TransitionRequest? request, MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock, CancellationToken ct)
    {
        if (Reason(request, required: false) is not { } reason) return InvalidReason();
        var nomination = await db.LoadAsync(id, caller, ct);
        nomination.EnsureAllowed(Nomination.Publicize);
        var actor = caller.Actor;
        await gate.EnsureClearAsync(Nomination.Publicize, nomination.IdHash, nomination.UnitCode, nomination.Id, actor, ct);
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == nomination.RoundId, ct);
        nomination.OpenPublicity(round.PublicityDays, actor, reason.Text, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NominationViews.ToResponse(nomination));
    }

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> SelectAsync(
        Guid id, TransitionRequest? request, MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        if (Reason(request, required: false) is not { } reason) return InvalidReason();
        var nomination = await db.LoadAsync(id, caller, ct);
        nomination.MarkSelected(caller.Actor, reason.Text, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NominationViews.ToResponse(nomination));
    }

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> RejectAsync(
        Guid id, TransitionRequest? request, MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        if (Reason(request, required: true) is not { } reason) return InvalidReason();
        var nomination = await db.LoadAsync(id, caller, ct);
        nomination.MarkRejected(caller.Actor, reason.Text!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NominationViews.ToResponse(nomination));
    }

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem>> ResumeAsync(
        Guid id, TransitionRequest? request, MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock, CancellationToken ct)
    {
        if (Reason(request, required: true) is not { } reason) return InvalidReason();
        var nomination = await db.LoadAsync(id, caller, ct);
        nomination.EnsureAllowed(Nomination.Resume);
        if (await db.Objections.AnyAsync(o => o.NominationId == id && o.Status == ObjectionStatus.Open, ct))
            throw DomainRuleException.Rule("An objection against this nomination is still open.", "Resolve it first: dismissing it resumes the nomination.");
        var actor = caller.Actor;
        await gate.EnsureClearAsync(Nomination.Resume, nomination.IdHash, nomination.UnitCode, nomination.Id, actor, ct);
        nomination.ResumeWorkflow(actor, reason.Text!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NominationViews.ToResponse(nomination));
    }

    private sealed record CheckedReason(string? Text);

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
