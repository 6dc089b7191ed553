using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Civility.Messaging;

public static class MessagingTelemetry
{
    public const string Name = "Civility.Messaging";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Backlogs = new();

    /// <summary>Outbox rows not yet published, per service: what an administrator watches when the broker is down.</summary>
    private static readonly ObservableGauge<long> Backlog = Meter.CreateObservableGauge(
        "civility.outbox.backlog",
        () => Backlogs.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("service", b.Key))),
        unit: "{message}",
        description: "Integration events written to the outbox and not yet confirmed by the broker.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> ParkedRows = new();

    /// <summary>Outbox rows that could not be published while others could, set aside for an administrator.</summary>
    private static readonly ObservableGauge<long> Parked = Meter.CreateObservableGauge(
        "civility.outbox.parked",
        () => ParkedRows.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("service", b.Key))),
        unit: "{message}",
        description: "Integration events the relay set aside after failing to publish them; re-queued by an administrator.");

    private static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "civility.outbox.published", unit: "{message}", description: "Integration events published from the outbox.");

    internal static void ReportBacklog(string service, long pending, long parked)
    {
        Backlogs[service] = pending;
        ParkedRows[service] = parked;
    }

    internal static void ReportPublished(string service, int count)
    {
        if (count > 0) Published.Add(count, new KeyValuePair<string, object?>("service", service));
    }
}
