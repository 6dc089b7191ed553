using System.Diagnostics.Metrics;

namespace Civility.Messaging.Tests;

/// <summary>Reads the exported outbox backlog gauge the way an OpenTelemetry exporter does, through a meter listener.</summary>
internal static class BacklogGauge
{
    public static long Read(string service)
    {
        long value = -1;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.Name && instrument.Name == "civility.outbox.backlog") l.EnableMeasurementEvents(instrument);
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
