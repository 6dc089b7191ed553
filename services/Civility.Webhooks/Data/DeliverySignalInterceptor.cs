using Civility.Data;
using Civility.Webhooks.Application.Deliveries;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks.Data;

/// <summary>Wakes the delivery workers once a save that queued deliveries is committed (not before: they would not see them).</summary>
internal sealed class DeliverySignalInterceptor(DeliverySignal signal) : AfterCommitInterceptor
{
    protected override bool Concerns(DbContext context) =>
        context.ChangeTracker.Entries<WebhookDelivery>().Any(e => e.State == EntityState.Added);

    protected override Task OnCommittedAsync(CancellationToken cancellationToken)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
