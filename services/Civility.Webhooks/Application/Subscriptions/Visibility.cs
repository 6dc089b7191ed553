using Civility.Domain;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks.Application.Subscriptions;

/// <summary>
/// Who sees which subscription: administrators and holders of <c>webhooks.write</c> every one; any other client only
/// those it owns. Another's subscription, and everything under it, is "no such subscription" (404), never 403.
/// </summary>
public static class Visibility
{
    public static bool SeesAll(this CallerContext caller) => caller.HasScope(CivilityScopes.WebhooksWrite);

    public static IQueryable<WebhookSubscription> VisibleTo(this IQueryable<WebhookSubscription> subscriptions, CallerContext caller)
    {
        if (caller.SeesAll()) return subscriptions;
        var owner = caller.ClientId ?? "";
        return subscriptions.Where(s => s.OwnerClientId == owner);
    }

    /// <summary>The subscription, tracked for a change; 404 when there is none this caller may see.</summary>
    public static async Task<WebhookSubscription> SubscriptionAsync(this WebhooksDbContext db, Guid id, CallerContext caller,
        CancellationToken cancellationToken) =>
        (await db.Subscriptions.VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)).OrNotFound("subscription");
}
