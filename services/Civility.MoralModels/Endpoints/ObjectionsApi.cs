using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;
using Civility.Domain.PersonalData;

namespace Civility.MoralModels.Endpoints;

/// <summary>
/// Objections (异议): anyone may file one during publicity (under the public limits: one suspends the nomination);
/// an admin resolves it with a written reason, or dismisses a groundless one in one step. Never deleted.
/// </summary>
public static class ObjectionsApi
{
    public sealed record FileObjectionRequest(string? Content, string? ContactName, string? ContactPhone);

    public sealed record ResolveObjectionRequest(bool? Upheld, string? Reason);

    public sealed record DismissObjectionRequest(string? Reason);

    /// <summary>The objection as resolved, and where its nomination stands now (resumed unless another objection is open).</summary>
    public sealed record DismissalResponse(ObjectionResponse Objection, NominationStatus NominationStatus);

    public sealed record ObjectionResponse(Guid Id, Guid NominationId, string Content, string ContactName, string? ContactPhone,
        DateTimeOffset FiledAt, ObjectionStatus Status, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt);

    public static RouteGroupBuilder MapObjectionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/public/nominations/{id:guid}/objections", FileAsync).WithTags("Public")
            .WithSummary("File an objection (anonymous) during publicity, or against a commended model").AllowAnonymous()
            .WithPublicLimits(PublicLimits.Objections);
        api.MapGet("/nominations/{id:guid}/objections", ListAsync).WithTags("Objections")
            .WithSummary("Objections against a nomination").RequireScope(CivilityScopes.Admin);
        api.MapPost("/objections/{id:guid}/resolve", ResolveAsync).WithTags("Objections")
            .WithSummary("Uphold (→ rejected / honour revoked) or dismiss (→ publicity resumes), with a reason").RequireScope(CivilityScopes.Admin);
        api.MapPost("/objections/{id:guid}/dismiss", DismissAsync).WithTags("Objections")
            .WithSummary("Dismiss a groundless objection with a reason: it is closed (kept) and the nomination resumes").RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Results<Created<ObjectionResponse>, ValidationProblem>> FileAsync(
        Guid id, FileObjectionRequest request, MoralModelsDbContext db, TimeProvider clock, PersonalDataProtector protector, CancellationToken ct)
    {
        var check = new RequestValidator();
        var content = check.Text("content", request.Content, 4000);
        var contactName = check.Text("contactName", request.ContactName, 100);
        var phone = check.Phone("contactPhone", request.ContactPhone, required: true);
        if (!check.IsValid) return check.Problem();

        var nomination = await db.Nominations.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw NominationViews.NotFound();
        var now = clock.GetUtcNow();
        var duringPublicity = nomination.IsInPublicityWindow(now) && (nomination.Status == NominationStatus.InPublicity
            || nomination is { Status: NominationStatus.Suspended, ResumeTo: NominationStatus.InPublicity });
        if (!duringPublicity && nomination.Status != NominationStatus.Commended)
            throw DomainRuleException.Rule("Objections are taken during the publicity window (or against a commended model).",
                nomination.PublicityEnd is { } end ? $"The publicity window ran until {end:u}." : "This nomination is not in publicity.");

        var objection = new Objection(id, content, contactName, protector.ProtectPhone(phone!), now);
        db.Objections.Add(objection);
        if (nomination.Status == NominationStatus.InPublicity)
        {
            var reason = "An objection was filed during publicity; suspended until it is resolved.";
            nomination.SuspendFor(SuspensionCause.Objection, reason, null, Nomination.System, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/moral-models/objections/{objection.Id}", ToResponse(objection));
    }

    private static async Task<Results<Ok<PagedResult<ObjectionResponse>>, ValidationProblem>> ListAsync(
        Guid id, MoralModelsDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var request = new RequestValidator();
        var paging = request.Paging(page, pageSize);
        if (!request.IsValid) return request.Problem();
        var query = db.Objections.AsNoTracking().Where(o => o.NominationId == id).OrderBy(o => o.FiledAt);
        var total = await query.LongCountAsync(ct);
        var items = await paging.Of(query).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ObjectionResponse>(items.Select(ToResponse).ToList(), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ObjectionResponse>, ValidationProblem, NotFound>> ResolveAsync(
        Guid id, ResolveObjectionRequest request, MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        var upheld = check.Required("upheld", request.Upheld);
        var reason = check.Text("reason", request.Reason, 2000);
        if (!check.IsValid) return check.Problem();

        var resolved = await CloseAsync(id, upheld!.Value, reason, db, caller, clock, ct);
        return resolved is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(resolved.Value.Objection));
    }

    private static async Task<Results<Ok<DismissalResponse>, ValidationProblem, NotFound>> DismissAsync(
        Guid id, DismissObjectionRequest request, MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", request.Reason, 2000);
        if (!check.IsValid) return check.Problem();
        var resolved = await CloseAsync(id, upheld: false, reason, db, caller, clock, ct);
        return resolved is { } r ? TypedResults.Ok(new DismissalResponse(ToResponse(r.Objection), r.Nomination.Status)) : TypedResults.NotFound();
    }

    /// <summary>
    /// Closes the objection with its reason. Upheld, the nomination is rejected (or its honour revoked); dismissed, a
    /// nomination suspended by objections resumes where it was once no other objection is open. One save for both.
    /// </summary>
    private static async Task<(Objection Objection, Nomination Nomination)?> CloseAsync(Guid id, bool upheld, string reason,
        MoralModelsDbContext db, CallerContext caller, TimeProvider clock, CancellationToken ct)
    {
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (objection is null) return null;
        var nomination = await db.Nominations.FirstAsync(n => n.Id == objection.NominationId, ct);
        var actor = caller.Actor;
        var now = clock.GetUtcNow();
        objection.Resolve(upheld, reason, actor, now);

        if (upheld)
        {
            if (nomination.Status == NominationStatus.Commended) nomination.RevokeHonour(actor, $"Objection upheld: {reason}", now);
            else if (nomination.AllowedActions.Contains(Nomination.Reject)) nomination.MarkRejected(actor, $"Objection upheld: {reason}", now);
        }
        else if (nomination is { Status: NominationStatus.Suspended, SuspensionCause: SuspensionCause.Objection }
                 && !await db.Objections.AnyAsync(o => o.NominationId == nomination.Id && o.Status == ObjectionStatus.Open && o.Id != id, ct))
        {
            nomination.ResumeWorkflow(actor, $"Objection dismissed: {reason}", now);
        }
        await db.SaveChangesAsync(ct);
        return (objection, nomination);
    }

    /// <summary>
    /// Contact details masked for every caller, admins included, as this service shows all personal data (a nominee's
    /// ID number too): the reviewing officer decides on the content, and the whole phone stays encrypted for a reply.
    /// A row the backfill has not reached yet answers no phone rather than reading the clear column.
    /// </summary>
    private static ObjectionResponse ToResponse(Objection o) => new(o.Id, o.NominationId, o.Content, Masking.Name(o.ContactName),
        o.MaskedContactPhone, o.FiledAt, o.Status, o.Resolution, o.ResolvedBy, o.ResolvedAt);
}
