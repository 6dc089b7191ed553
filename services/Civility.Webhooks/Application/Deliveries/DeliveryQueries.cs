using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Application.Subscriptions;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks.Application.Deliveries;

/// <summary>A delivery as its subscription's log lists it (its attempts are read one delivery at a time).</summary>
public sealed record DeliverySummary(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, DateTimeOffset OccurredAt, DeliveryStatus Status, int AttemptCount,
    DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? EndedAt, int? LastStatusCode,
    string? LastError);

/// <summary>A subscription's delivery log, newest first: for its owner and for administrators.</summary>
public sealed class ListDeliveries(WebhooksDbContext db, CallerContext caller) : IUseCase
{
    public async Task<PagedResult<DeliverySummary>> ExecuteAsync(Guid subscriptionId, DeliveryStatus? status, PageRequest paging,
        CancellationToken cancellationToken)
    {
        if (!await db.Subscriptions.VisibleTo(caller).AnyAsync(s => s.Id == subscriptionId, cancellationToken))
            throw DomainRuleException.NotFound("subscription");
        var query = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (status is { } s) query = query.Where(d => d.Status == s);
        return await paging.ApplyAsync(query.OrderByDescending(d => d.Sequence), d => new DeliverySummary(
            d.Id, d.SubscriptionId, d.EventId, d.EventType, d.OccurredAt, d.Status, d.AttemptCount, d.NextAttemptAt, d.CreatedAt,
            d.DeliveredAt, d.EndedAt, d.LastStatusCode, d.LastError), cancellationToken);
    }
}

/// <summary>One delivery with its payload and every attempt; 404 unless the caller may see its subscription.</summary>
public sealed class GetDelivery(WebhooksDbContext db, CallerContext caller) : IUseCase
{
    public async Task<WebhookDelivery> ExecuteAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = db.Subscriptions.VisibleTo(caller).Select(s => s.Id);
        var delivery = await db.Deliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == id && visible.Contains(d.SubscriptionId), cancellationToken);
        return delivery.OrNotFound("delivery");
    }
}

/// <summary>
/// Puts a delivery that was given up back in line (the receiver is mended): a new round of attempts, at once, before its
/// subscription's later deliveries.
/// </summary>
public sealed class RedeliverDelivery(WebhooksDbContext db, CallerContext caller, TimeProvider clock, DeliverySignal signal) : IUseCase
{
    public async Task<WebhookDelivery> ExecuteAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = db.Subscriptions.VisibleTo(caller).Select(s => s.Id);
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id && visible.Contains(d.SubscriptionId), cancellationToken);
        delivery = delivery.OrNotFound("delivery");
        delivery.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return delivery;
    }
}
