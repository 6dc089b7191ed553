using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks.Application.Subscriptions;

public sealed class ListSubscriptions(WebhooksDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<WebhookSubscription>> ExecuteAsync(SubscriptionStatus? status, string? ownerClientId, string? eventType,
        PageRequest paging, CancellationToken cancellationToken)
    {
        var query = db.Subscriptions.AsNoTracking().VisibleTo(caller);
        if (status is { } s) query = query.Where(x => x.Status == s);
        if (ownerClientId is not null) query = query.Where(x => x.OwnerClientId == ownerClientId);
        if (eventType is not null) query = query.Where(x => x.EventTypes.Contains(eventType));
        return paging.ApplyAsync(query.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id), x => x, cancellationToken);
    }
}

public sealed class GetSubscription(WebhooksDbContext db, CallerContext caller) : IUseCase
{
    public Task<WebhookSubscription> ExecuteAsync(Guid id, CancellationToken cancellationToken) =>
        db.SubscriptionAsync(id, caller, cancellationToken);
}
