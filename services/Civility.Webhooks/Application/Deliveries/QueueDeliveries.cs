using System.Text.Json;
using Civility.Contracts;
using Civility.Hosting.Application;
using Civility.Messaging.Wire;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks.Application.Deliveries;

/// <summary>
/// An event came in: one pending delivery for each subscription that wants its type, active or paused, written in the
/// consumer's inbox transaction, so an event is queued once for each of them and a crash loses none.
/// </summary>
public sealed class QueueDeliveries(WebhooksDbContext db, TimeProvider clock) : IUseCase
{
    public async Task ExecuteAsync<TEvent>(TEvent message, CancellationToken cancellationToken) where TEvent : IntegrationEvent
    {
        var eventType = typeof(TEvent).Name;
        var subscribers = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Status != SubscriptionStatus.Closed && s.EventTypes.Contains(eventType))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        if (subscribers.Count == 0) return;
        var payload = Payload(message);
        var now = clock.GetUtcNow();
        foreach (var subscription in subscribers)
            db.Deliveries.Add(new WebhookDelivery(subscription, message.EventId, eventType, message.OccurredAt, payload, now));
    }

    /// <summary>
    /// The event as its payload schema in docs/asyncapi.yaml has it: what a partner on the broker finds under <c>message</c>.
    /// </summary>
    public static string Payload<TEvent>(TEvent message) where TEvent : IntegrationEvent =>
        JsonSerializer.Serialize(message, typeof(TEvent), WireFormat.Options);
}
