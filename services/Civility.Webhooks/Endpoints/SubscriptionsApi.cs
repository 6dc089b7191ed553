using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Application.Sending;
using Civility.Webhooks.Application.Subscriptions;
using Civility.Webhooks.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Webhooks.Endpoints;

public static partial class SubscriptionsApi
{
    /// <param name="OwnerClientId">The identity client id of the partner app that may read the subscription and its delivery log.</param>
    /// <param name="TargetUrl">Where deliveries are POSTed: https, a public address, a host of the allow-list if there is one.</param>
    /// <param name="EventTypes">Event names as docs/asyncapi.yaml gives them (<c>VolunteerRegistered</c>…).</param>
    /// <param name="Secret">The signing secret (24–200 printable characters); none, and one is made and returned once.</param>
    public sealed record RegisterRequest(string? OwnerClientId, string? TargetUrl, IReadOnlyList<string>? EventTypes, string? Description,
        string? Secret);

    public sealed record ChangeRequest(string? TargetUrl, IReadOnlyList<string>? EventTypes, string? Description);

    public sealed record ReasonRequest(string? Reason);

    public sealed record RotateSecretRequest(string? Secret);

    /// <summary>
    /// A subscription as every reader sees it. The secret is never shown, but once: as <c>secret</c> in the answer that
    /// made it (a registration or a rotation that was given none).
    /// </summary>
    public sealed record SubscriptionResponse(
        Guid Id, string OwnerClientId, string TargetUrl, IReadOnlyList<string> EventTypes, string? Description, SubscriptionStatus Status,
        string? StatusReason, DateTimeOffset? StatusChangedAt, int ConsecutiveFailures, DateTimeOffset CreatedAt, string CreatedBy,
        DateTimeOffset UpdatedAt, DateTimeOffset? SecretRotatedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null);

    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        const string read = CivilityScopes.WebhooksRead, write = CivilityScopes.WebhooksWrite;
        subscriptions.MapPost("/", RegisterAsync).WithSummary("Register a partner app's webhook").RequireScope(write);
        subscriptions.MapGet("/", ListAsync).WithSummary("Webhook subscriptions (a partner sees its own)").RequireScope(read);
        subscriptions.MapGet("/{id:guid}", GetAsync).WithSummary("One subscription").RequireScope(read);
        subscriptions.MapPut("/{id:guid}", ChangeAsync).WithSummary("Change the target, events or description").RequireScope(write);
        subscriptions.MapPost("/{id:guid}/pause", PauseAsync).WithSummary("Stop sending (events still queue)").RequireScope(write);
        subscriptions.MapPost("/{id:guid}/resume", ResumeAsync).WithSummary("Send again: what queued goes out at once").RequireScope(write);
        subscriptions.MapPost("/{id:guid}/close", CloseAsync).WithSummary("End it with a reason (it is kept)").RequireScope(write);
        subscriptions.MapPost("/{id:guid}/rotate-secret", RotateSecretAsync)
            .WithSummary("A new signing secret; the old one signs beside it for a day").RequireScope(write);
        return api;
    }

    private static async Task<Results<Created<SubscriptionResponse>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, RegisterSubscription register, TargetPolicy policy, CancellationToken ct)
    {
        var v = new RequestValidator();
        var owner = v.Text("ownerClientId", request.OwnerClientId, 100);
        v.Check(owner.Length == 0 || ClientId().IsMatch(owner), "ownerClientId", "A client id: letters, digits, '.', '_' and '-'.");
        var secret = v.OptionalText("secret", request.Secret, WebhookSecrets.MaxLength);
        if (secret is not null && WebhookSecrets.Problem(secret) is { } problem) v.Add("secret", problem);
        var description = v.OptionalText("description", request.Description, 200);
        var eventTypes = EventTypes(v, request.EventTypes);
        var target = await TargetAsync(v, request.TargetUrl, policy, ct);
        if (!v.IsValid) return v.Problem();
        var registered = await register.ExecuteAsync(owner, target!, eventTypes, description, secret, ct);
        return TypedResults.Created($"/api/webhooks/subscriptions/{registered.Subscription.Id}",
            ToResponse(registered.Subscription, registered.GeneratedSecret));
    }

    private static async Task<Results<Ok<PagedResult<SubscriptionResponse>>, ValidationProblem>> ListAsync(
        ListSubscriptions list, string? status, string? ownerClientId, string? eventType, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var state = v.Enum<SubscriptionStatus>("status", status, required: false);
        var owner = v.OptionalText("ownerClientId", ownerClientId, 100);
        var type = v.OptionalText("eventType", eventType, 100);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(state, owner, type, paging, ct);
        return TypedResults.Ok(new PagedResult<SubscriptionResponse>(
            [.. result.Items.Select(s => ToResponse(s))], result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<SubscriptionResponse>> GetAsync(Guid id, GetSubscription get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<SubscriptionResponse>, ValidationProblem>> ChangeAsync(
        Guid id, ChangeRequest request, ChangeSubscription change, TargetPolicy policy, CancellationToken ct)
    {
        var v = new RequestValidator();
        var description = v.OptionalText("description", request.Description, 200);
        var eventTypes = EventTypes(v, request.EventTypes);
        var target = await TargetAsync(v, request.TargetUrl, policy, ct);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await change.ExecuteAsync(id, target!, eventTypes, description, ct)));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ValidationProblem>> PauseAsync(
        Guid id, ReasonRequest request, PauseSubscription pause, CancellationToken ct)
    {
        var v = new RequestValidator();
        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await pause.ExecuteAsync(id, reason, ct)));
    }

    private static async Task<Ok<SubscriptionResponse>> ResumeAsync(Guid id, ResumeSubscription resume, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await resume.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<SubscriptionResponse>, ValidationProblem>> CloseAsync(
        Guid id, ReasonRequest request, CloseSubscription close, CancellationToken ct)
    {
        var v = new RequestValidator();
        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await close.ExecuteAsync(id, reason, ct)));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ValidationProblem>> RotateSecretAsync(
        Guid id, RotateSecretRequest request, RotateSecret rotate, CancellationToken ct)
    {
        var v = new RequestValidator();
        var secret = v.OptionalText("secret", request.Secret, WebhookSecrets.MaxLength);
        if (secret is not null && WebhookSecrets.Problem(secret) is { } problem) v.Add("secret", problem);
        if (!v.IsValid) return v.Problem();
        var rotated = await rotate.ExecuteAsync(id, secret, ct);
        return TypedResults.Ok(ToResponse(rotated.Subscription, rotated.GeneratedSecret));
    }

    /// <summary>The event names, each one a published event type; repeats dropped.</summary>
    private static List<string> EventTypes(RequestValidator v, IReadOnlyList<string>? given)
    {
        var known = Events.Subscriptions.EventTypes;
        if (given is null || given.Count == 0)
        {
            v.Add("eventTypes", $"At least one of: {string.Join(", ", known.Keys)}.");
            return [];
        }
        if (given.Count > known.Count)
        {
            v.Add("eventTypes", $"At most {known.Count} event types (there are no more).");
            return [];
        }
        for (var i = 0; i < given.Count; i++)
            v.Check(known.ContainsKey(given[i] ?? ""), $"eventTypes[{i}]", $"Not an event type: one of {string.Join(", ", known.Keys)}.");
        return [.. given.Where(t => t is not null && known.ContainsKey(t)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The target URL, checked by the target policy (its host looked up); a refusal is an error on <c>targetUrl</c>.</summary>
    private static async Task<Uri?> TargetAsync(RequestValidator v, string? targetUrl, TargetPolicy policy, CancellationToken ct)
    {
        var alone = new RequestValidator();
        var text = alone.Text("targetUrl", targetUrl, 2000);
        if (!alone.IsValid)
        {
            v.Text("targetUrl", targetUrl, 2000);
            return null;
        }
        if (await policy.RefusalAsync(text, ct) is { } refusal)
        {
            v.Add("targetUrl", refusal);
            return null;
        }
        return new Uri(text, UriKind.Absolute);
    }

    private static SubscriptionResponse ToResponse(WebhookSubscription s, string? secret = null) => new(
        s.Id, s.OwnerClientId, s.TargetUrl, s.EventTypes, s.Description, s.Status, s.StatusReason, s.StatusChangedAt, s.ConsecutiveFailures,
        s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.SecretRotatedAt, secret);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ClientId();
}
