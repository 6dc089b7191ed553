using Civility.Data;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.Webhooks.Application.Deliveries;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Webhooks.Application.Subscriptions;

/// <summary>A new target, events or description; deliveries still pending go to the new target.</summary>
public sealed class ChangeSubscription(WebhooksDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<WebhookSubscription> ExecuteAsync(Guid id, Uri target, IReadOnlyCollection<string> eventTypes, string? description,
        CancellationToken cancellationToken)
    {
        var subscription = await db.SubscriptionAsync(id, caller, cancellationToken);
        subscription.Change(target, eventTypes, description, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return subscription;
    }
}

/// <summary>Stops sending by hand (new events still queue) until an administrator resumes it.</summary>
public sealed class PauseSubscription(WebhooksDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<WebhookSubscription> ExecuteAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var subscription = await db.SubscriptionAsync(id, caller, cancellationToken);
        subscription.Pause(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return subscription;
    }
}

/// <summary>Sends again: what is pending (queued while paused, or waiting for its next attempt) goes out at once, oldest first.</summary>
public sealed class ResumeSubscription(WebhooksDbContext db, CallerContext caller, TimeProvider clock, DeliverySignal signal) : IUseCase
{
    public async Task<WebhookSubscription> ExecuteAsync(Guid id, CancellationToken cancellationToken)
    {
        var subscription = await db.InTransactionAsync(async ct =>
        {
            var subscription = await db.SubscriptionAsync(id, caller, ct);
            var now = clock.GetUtcNow();
            subscription.Resume(now);
            // Every pending delivery due now, in one statement (there may be thousands queued while it was paused).
            await db.Deliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, now), ct);
            return subscription;
        }, cancellationToken);
        signal.Notify();
        return subscription;
    }
}

/// <summary>Ends a subscription with a reason: nothing more is queued or sent, what was pending is cancelled; all is kept.</summary>
public sealed class CloseSubscription(WebhooksDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public Task<WebhookSubscription> ExecuteAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var subscription = await db.SubscriptionAsync(id, caller, ct);
            var now = clock.GetUtcNow();
            subscription.Close(reason, now);
            await db.Deliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.Status, DeliveryStatus.Cancelled)
                    .SetProperty(d => d.EndedAt, now)
                    .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null), ct);
            return subscription;
        }, cancellationToken);
}

/// <summary>A new signing secret (given, or made and returned once); the old one signs beside it for a while.</summary>
public sealed class RotateSecret(WebhooksDbContext db, CallerContext caller, PersonalDataProtector protector,
    IOptions<WebhookOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<RegisteredSubscription> ExecuteAsync(Guid id, string? secret, CancellationToken cancellationToken)
    {
        var subscription = await db.SubscriptionAsync(id, caller, cancellationToken);
        var generated = secret is null ? WebhookSecrets.Generate() : null;
        subscription.RotateSecret(protector.Encrypt(secret ?? generated!), options.Value.SecretRotationOverlap, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredSubscription(subscription, generated);
    }
}
