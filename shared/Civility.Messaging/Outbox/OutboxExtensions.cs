using Civility.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an integration event in the outbox. It is written by the same <c>SaveChanges</c> (and so the same
    /// transaction) as the change it announces, and published only once that commits.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent message, TimeProvider? clock = null) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(message, (clock ?? TimeProvider.System).GetUtcNow()));
}
