using Civility.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an integration event in the outbox. It is written by the same <c>SaveChanges</c> (and so the same
    /// transaction) as the change it announces, and published only once that commits. The event is stamped with the
    /// service's clock, which a consumer may date things by (a red-list proposal from a commendation's day).
    /// </summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent message, TimeProvider clock) =>
        db.AddIntegrationEvent(message, clock.GetUtcNow());

    /// <summary>Queues an integration event that happened at <paramref name="occurredAt"/> (the service clock's now).</summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent message, DateTimeOffset occurredAt) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(message with { OccurredAt = occurredAt }, occurredAt));
}
