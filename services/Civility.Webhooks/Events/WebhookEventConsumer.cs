using Civility.Contracts;
using Civility.Messaging;
using Civility.Messaging.Inbox;
using Civility.Webhooks.Application.Deliveries;
using Civility.Webhooks.Data;
using MassTransit;

namespace Civility.Webhooks.Events;

/// <summary>
/// Takes every event partners may subscribe to, on one queue (<c>webhooks-events</c>, taken in order), and queues it
/// for the webhooks that want it. One closed type per event (<see cref="Subscriptions.Consumers"/>), each with its own
/// inbox key (<c>webhooks:VolunteerRegistered</c>…).
/// </summary>
[InboxKey("webhooks:" + InboxKeyAttribute.EventPlaceholder)]
[SharedQueue("events")]
public sealed class WebhookEventConsumer<TEvent>(WebhooksDbContext db, TimeProvider clock, QueueDeliveries queue)
    : InboxConsumer<TEvent, WebhooksDbContext>(db, clock)
    where TEvent : IntegrationEvent
{
    protected override Task HandleAsync(TEvent message, ConsumeContext<TEvent> context) =>
        queue.ExecuteAsync(message, context.CancellationToken);
}
