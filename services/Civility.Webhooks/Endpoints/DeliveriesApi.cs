using System.Text.Json;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Application.Deliveries;
using Civility.Webhooks.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Webhooks.Endpoints;

public static class DeliveriesApi
{
    public sealed record AttemptResponse(int Number, DateTimeOffset At, bool Succeeded, int? StatusCode, string? Error, int DurationMs,
        string? ResponseExcerpt);

    /// <summary>One delivery: the event's JSON as it is POSTed (<c>payload</c>) and every attempt, oldest first.</summary>
    public sealed record DeliveryResponse(
        Guid Id, Guid SubscriptionId, Guid EventId, string EventType, DateTimeOffset OccurredAt, DeliveryStatus Status, int AttemptCount,
        DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? EndedAt, int? LastStatusCode,
        string? LastError, JsonElement Payload, IReadOnlyList<AttemptResponse> Attempts);

    public static RouteGroupBuilder MapDeliveriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/subscriptions/{id:guid}/deliveries", ListAsync).WithTags("Deliveries")
            .WithSummary("A subscription's delivery log, newest first (for its owner and administrators)")
            .RequireScope(CivilityScopes.WebhooksRead);
        api.MapGet("/deliveries/{id:guid}", GetAsync).WithTags("Deliveries")
            .WithSummary("One delivery with its payload and every attempt").RequireScope(CivilityScopes.WebhooksRead);
        api.MapPost("/deliveries/{id:guid}/redeliver", RedeliverAsync).WithTags("Deliveries")
            .WithSummary("Put a delivery that was given up back in line, before its subscription's later ones")
            .RequireScope(CivilityScopes.WebhooksWrite);
        return api;
    }

    private static async Task<Ok<DeliveryResponse>> RedeliverAsync(Guid id, RedeliverDelivery redeliver, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await redeliver.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<PagedResult<DeliverySummary>>, ValidationProblem>> ListAsync(
        Guid id, ListDeliveries list, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var state = v.Enum<DeliveryStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(await list.ExecuteAsync(id, state, paging, ct));
    }

    private static async Task<Ok<DeliveryResponse>> GetAsync(Guid id, GetDelivery get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static DeliveryResponse ToResponse(WebhookDelivery d)
    {
        using var payload = JsonDocument.Parse(d.Payload);
        return new DeliveryResponse(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.OccurredAt, d.Status, d.AttemptCount,
            d.NextAttemptAt, d.CreatedAt, d.DeliveredAt, d.EndedAt, d.LastStatusCode, d.LastError, payload.RootElement.Clone(),
            [.. d.Attempts.OrderBy(a => a.Number).Select(a =>
                new AttemptResponse(a.Number, a.At, a.Succeeded, a.StatusCode, a.Error, a.DurationMs, a.ResponseExcerpt))]);
    }
}
