using System.Diagnostics.Metrics;

namespace Civility.Messaging.Tests;

/// <summary>
/// Reads an exported outbox gauge (the backlog unless told) the way an OpenTelemetry exporter does, through a meter listener.
/// </summary>
internal static class BacklogGauge
{
    public static long Read(string service, string instrumentName = "civility.outbox.backlog")
    {
        long value = -1;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.Name && instrument.Name == instrumentName)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "service" && Equals(tag.Value, service)) value = measurement;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
