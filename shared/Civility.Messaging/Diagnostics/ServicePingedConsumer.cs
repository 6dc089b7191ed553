using Civility.Contracts.Diagnostics;
using Civility.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Diagnostics;

/// <summary>Records each ping it receives; pings come in batches (they are raised by the thousand to measure the path).</summary>
[InboxKey("service-pinged")]
public sealed class ServicePingedConsumer<TContext>(TContext db, TimeProvider clock)
    : InboxBatchConsumer<ServicePinged, TContext>(db, clock)
    where TContext : DbContext
{

    protected override Task HandleAsync(IReadOnlyList<ConsumeContext<ServicePinged>> messages, ConsumeContext<Batch<ServicePinged>> context)
    {
        var now = Clock.GetUtcNow();
        foreach (var ping in messages.Select(m => m.Message))
            Db.Set<ReceivedPing>().Add(new ReceivedPing(ping.PingId, ping.FromService, ping.Note, now));
        return Task.CompletedTask;
    }
}
