using System.Diagnostics.Metrics;
using Civility.Hosting.Metrics;
using Civility.Webhooks.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks;

/// <summary>
/// The webhook figures on the dashboard: deliveries waiting and given up (gauge <c>civility.webhooks.deliveries</c> by
/// status), subscriptions by status, and every attempt made (counter <c>civility.webhooks.attempts</c> by outcome).
/// </summary>
public static class WebhooksMetrics
{
    private static readonly Meter Meter = new("Civility.Webhooks");

    private static readonly Counter<long> Attempts =
        Meter.CreateCounter<long>("civility.webhooks.attempts", "{attempt}", "Webhook delivery attempts by outcome (delivered, failed).");

    public static void Attempted(bool delivered) =>
        Attempts.Add(1, new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : "failed"));

    public static IServiceCollection AddWebhooksMetrics(this IServiceCollection services) => services
        .AddBusinessGauge<WebhooksDbContext>("civility.webhooks.deliveries", "{delivery}",
            "Webhook deliveries waiting to go out (pending, paused subscriptions' too) and given up after the last retry (failed).",
            async (db, ct) =>
            {
                var counts = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed)
                    .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
                return [.. new[] { DeliveryStatus.Pending, DeliveryStatus.Failed }.Select(status => new GaugeReading(
                    counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0, Tag(status)))];
            })
        .AddBusinessGauge<WebhooksDbContext>("civility.webhooks.subscriptions", "{subscription}", "Webhook subscriptions by status.",
            async (db, ct) => (await db.Subscriptions.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.LongCount() })
                    .ToListAsync(ct))
                .Select(g => new GaugeReading(g.Count, Tag(g.Key))).ToList());

    private static KeyValuePair<string, object?> Tag(Enum status) => new("status", Civility.Domain.KebabName.Of(status));
}
