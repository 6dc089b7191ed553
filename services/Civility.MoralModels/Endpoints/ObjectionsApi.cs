using Civility.Domain.PersonalData;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Objections;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .WithSummary("Uphold (→ rejected / honour revoked) or dismiss (→ publicity resumes), with a reason")
            .RequireScope(CivilityScopes.Admin);
        api.MapPost("/objections/{id:guid}/dismiss", DismissAsync).WithTags("Objections")
            .WithSummary("Dismiss a groundless objection with a reason: it is closed (kept) and the nomination resumes")
            .RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Results<Created<ObjectionResponse>, ValidationProblem>> FileAsync(
        Guid id, FileObjectionRequest request, FileObjection file, CancellationToken ct)
    {
        var check = new RequestValidator();
        var content = check.Text("content", request.Content, 4000);
        var contactName = check.Text("contactName", request.ContactName, 100);
        var phone = check.Phone("contactPhone", request.ContactPhone, required: true);
        if (!check.IsValid) return check.Problem();
        var objection = await file.ExecuteAsync(id, content, contactName, phone!, ct);
        return TypedResults.Created($"/api/moral-models/objections/{objection.Id}", ToResponse(objection));
    }

    private static async Task<Results<Ok<PagedResult<ObjectionResponse>>, ValidationProblem>> ListAsync(
        Guid id, ListObjections list, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var result = await list.ExecuteAsync(id, paging, ct);
        return TypedResults.Ok(new PagedResult<ObjectionResponse>(result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize,
            result.Total));
    }

    private static async Task<Results<Ok<ObjectionResponse>, ValidationProblem>> ResolveAsync(
        Guid id, ResolveObjectionRequest request, ResolveObjection resolve, CancellationToken ct)
    {
        var check = new RequestValidator();
        var upheld = check.Required("upheld", request.Upheld);
        var reason = check.Text("reason", request.Reason, 2000);
        if (!check.IsValid) return check.Problem();
        var resolved = await resolve.ExecuteAsync(id, upheld!.Value, reason, ct);
        return TypedResults.Ok(ToResponse(resolved.Objection));
    }

    private static async Task<Results<Ok<DismissalResponse>, ValidationProblem>> DismissAsync(
        Guid id, DismissObjectionRequest request, ResolveObjection resolve, CancellationToken ct)
    {
        var check = new RequestValidator();
        var reason = check.Text("reason", request.Reason, 2000);
        if (!check.IsValid) return check.Problem();
        var resolved = await resolve.ExecuteAsync(id, upheld: false, reason, ct);
        return TypedResults.Ok(new DismissalResponse(ToResponse(resolved.Objection), resolved.Nomination.Status));
    }

    /// <summary>
    /// Contact details masked for every caller, admins included, as this service shows all personal data (a nominee's
    /// ID number too): the reviewing officer decides on the content, and the whole phone stays encrypted for a reply.
    /// A row the backfill has not reached yet answers no phone rather than reading the clear column.
    /// </summary>
    private static ObjectionResponse ToResponse(Objection o) => new(o.Id, o.NominationId, o.Content, Masking.Name(o.ContactName),
        o.MaskedContactPhone, o.FiledAt, o.Status, o.Resolution, o.ResolvedBy, o.ResolvedAt);
}
