using Google.Protobuf;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>
/// Decodes an OTLP ExportMetricsServiceRequest (metrics_service.proto and metrics.proto): resource_metrics = 1;
/// ResourceMetrics: resource = 1, scope_metrics = 2; ScopeMetrics: scope = 1, metrics = 2; Metric: name = 1,
/// gauge = 5, sum = 7, histogram = 9, exponential_histogram = 10, summary = 11; each with data_points = 1;
/// NumberDataPoint: as_double = 4, as_int = 6 (sfixed64), attributes = 7.
/// </summary>
internal static class MetricDecoder
{
    private const int Gauge = 5, Sum = 7, Histogram = 9, ExponentialHistogram = 10, Summary = 11;

    public static List<ExportedMetric> Decode(byte[] body) => OtlpEnvelope.Decode(body, DecodeMetric);

    private static ExportedMetric DecodeMetric(string service, string scope, CodedInputStream metric)
    {
        var name = "";
        var points = new List<MetricPoint>();
        foreach (var field in metric.Fields())
        {
            switch (field)
            {
                case 1: name = metric.ReadString(); break;
                case Gauge or Sum: points.AddRange(DecodeNumberPoints(metric.ReadMessage())); break;
                case Histogram or ExponentialHistogram or Summary: points.AddRange(CountPoints(metric.ReadMessage())); break;
                default: metric.SkipLastField(); break;
            }
        }
        return new ExportedMetric(service, scope, name, points);
    }

    private static IEnumerable<MetricPoint> DecodeNumberPoints(CodedInputStream data)
    {
        foreach (var field in data.Fields())
        {
            if (field == 1) yield return DecodeNumberPoint(data.ReadMessage());
            else data.SkipLastField();
        }
    }

    private static MetricPoint DecodeNumberPoint(CodedInputStream point)
    {
        var value = double.NaN;
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var field in point.Fields())
        {
            switch (field)
            {
                case 4: value = point.ReadDouble(); break;
                case 6: value = point.ReadSFixed64(); break;
                case 7: attributes.Add(point.ReadKeyValue()); break;
                default: point.SkipLastField(); break;
            }
        }
        return new MetricPoint(value, attributes.ToAttributes());
    }

    private static IEnumerable<MetricPoint> CountPoints(CodedInputStream data)
    {
        foreach (var field in data.Fields())
        {
            data.SkipLastField();
            if (field == 1) yield return new MetricPoint(double.NaN, new Dictionary<string, string>());
        }
    }
}
