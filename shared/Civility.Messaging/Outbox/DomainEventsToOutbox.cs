using Civility.Contracts;
using Civility.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Civility.Messaging.Outbox;

/// <summary>
/// How a service tells which of its domain events other services hear of, and as what: the integration event, or
/// null for an event that stays inside the service. Each service writes its own in <c>Events/Publications.cs</c>.
/// </summary>
public delegate IntegrationEvent? Publications(IDomainEvent domainEvent);

/// <summary>
/// Takes the events the aggregates being saved have recorded and writes the ones that cross the service's boundary
/// to the outbox, in the same save and so the same transaction as the change: no event without its change, no change
/// without its event, and no caller that can forget one.
/// </summary>
/// <remarks>
/// Runs before EF detects changes, so the rows it adds are saved with the rest. The events are taken once: if the save
/// fails and is tried again with the same tracked entities, the outbox rows are still there, tracked as added.
/// </remarks>
public sealed class DomainEventsToOutbox(Publications publications, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Write(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Write(eventData.Context);
        return result;
    }

    private void Write(DbContext? context)
    {
        if (context is null) return;
        var aggregates = context.ChangeTracker.Entries<AggregateRoot>()
            .Where(entry => entry.Entity.DomainEvents.Count > 0).Select(entry => entry.Entity).ToList();
        if (aggregates.Count == 0) return;
        var now = clock.GetUtcNow();
        foreach (var aggregate in aggregates)
            foreach (var domainEvent in aggregate.TakeDomainEvents())
                if (publications(domainEvent) is { } integrationEvent) context.AddIntegrationEvent(integrationEvent, now);
    }
}
