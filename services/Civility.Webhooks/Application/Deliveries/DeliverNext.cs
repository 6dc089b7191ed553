using Civility.Data;
using Civility.Hosting.Application;
using Civility.Hosting.PersonalData;
using Civility.Webhooks.Application.Sending;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Webhooks.Application.Deliveries;

/// <summary>
/// One attempt of the next delivery due: claimed, sent, recorded. A subscription's deliveries go out one at a time
/// in the order their events came in: a later one waits while an earlier one waits for its retry (so a receiver never
/// sees a listing lifted before it was listed), until that one is delivered or given up.
/// </summary>
public sealed class DeliverNext(WebhooksDbContext db, WebhookSender sender, PersonalDataProtector protector,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliverNext> logger) : IUseCase
{
    /// <summary>Makes one attempt; false when nothing was due.</summary>
    public async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        var lease = Guid.NewGuid();
        if (await ClaimAsync(lease, cancellationToken) is not { } id) return false;
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        AttemptOutcome outcome;
        try
        {
            var secrets = subscription.SigningSecrets(clock.GetUtcNow()).Select(protector.Decrypt).ToList();
            outcome = await sender.SendAsync(delivery, subscription, secrets, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand the delivery back at once rather than when the lease runs out (an attempt cut short counts
            // for nothing; the receiver may have had it, and drops the repeat by its event id).
            await ReleaseAsync(id, lease);
            throw;
        }
        await RecordAsync(id, lease, outcome);
        WebhooksMetrics.Attempted(outcome.Succeeded);
        return true;
    }

    /// <summary>
    /// Takes the delivery due first among the oldest pending delivery of each active subscription, for the time of the
    /// lease: one statement, safe beside other replicas (<c>FOR UPDATE SKIP LOCKED</c>); a claim whose holder died
    /// lapses with its lease.
    /// </summary>
    private async Task<Guid?> ClaimAsync(Guid lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.Lease;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE webhooks.deliveries SET lease_id = {lease}, leased_until = {until}
            WHERE id = (
                SELECT d.id FROM webhooks.deliveries d
                JOIN webhooks.subscriptions s ON s.id = d.subscription_id
                WHERE d.status = 'Pending' AND s.status = 'Active' AND d.next_attempt_at <= {now}
                  AND (d.leased_until IS NULL OR d.leased_until <= {now})
                  AND NOT EXISTS (SELECT 1 FROM webhooks.deliveries e
                                  WHERE e.subscription_id = d.subscription_id AND e.status = 'Pending' AND e.sequence < d.sequence)
                ORDER BY d.next_attempt_at, d.sequence
                LIMIT 1
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>Keeps the attempt, moves the delivery on, counts it for its subscription (which may pause), and ends the lease.</summary>
    private Task<bool> RecordAsync(Guid id, Guid lease, AttemptOutcome outcome) =>
        // Not cancelled by a stop: the attempt was made and must be kept. A concurrent change (an administrator
        // resuming, closing) is applied first and the attempt recorded on top of it.
        db.InTransactionAsync(async ct =>
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, ct);
            var entry = db.Entry(delivery);
            if (entry.Property<Guid?>(DeliveryConfiguration.LeaseId).CurrentValue != lease)
            {
                logger.LogWarning("Delivery {DeliveryId}: its lease ran out before the attempt ended; another worker took it", id);
                return false;
            }
            var subscription = await db.Subscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
            var wasActive = subscription.Status == SubscriptionStatus.Active;
            var attempt = delivery.Record(outcome, options.Value.Retries);
            if (attempt.Succeeded) subscription.RecordDelivered();
            else subscription.RecordFailedAttempt(options.Value.PauseAfterConsecutiveFailures, outcome.At);
            entry.Property<Guid?>(DeliveryConfiguration.LeaseId).CurrentValue = null;
            entry.Property<DateTimeOffset?>(DeliveryConfiguration.LeasedUntil).CurrentValue = null;
            if (wasActive && subscription.Status == SubscriptionStatus.Paused)
                logger.LogWarning("Webhook subscription {SubscriptionId} paused after {Failures} failed attempts in a row (last: {Error})",
                    subscription.Id, subscription.ConsecutiveFailures, outcome.Error ?? $"HTTP {outcome.StatusCode}");
            return true;
        }, CancellationToken.None, OnConflict.Retry);

    private Task ReleaseAsync(Guid id, Guid lease) =>
        db.Deliveries.Where(d => d.Id == id && EF.Property<Guid?>(d, DeliveryConfiguration.LeaseId) == lease)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => EF.Property<Guid?>(d, DeliveryConfiguration.LeaseId), (Guid?)null)
                .SetProperty(d => EF.Property<DateTimeOffset?>(d, DeliveryConfiguration.LeasedUntil), (DateTimeOffset?)null),
                CancellationToken.None);
}
