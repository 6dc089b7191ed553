using Civility.Contracts.Diagnostics;
using Civility.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Diagnostics;

public sealed class ServicePingedConsumer<TContext>(TContext db, TimeProvider clock)
    : InboxConsumer<ServicePinged, TContext>(db, clock)
    where TContext : DbContext
{
    protected override string ConsumerName => "service-pinged";

    protected override Task HandleAsync(ServicePinged message, ConsumeContext<ServicePinged> context)
    {
        Db.Set<ReceivedPing>().Add(new ReceivedPing(message.PingId, message.FromService, message.Note, Clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
