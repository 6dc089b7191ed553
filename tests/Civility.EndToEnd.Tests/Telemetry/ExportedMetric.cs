namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>One metric as a service exported it in one export: its name, the meter's name, and its data points.</summary>
public sealed record ExportedMetric(string Service, string Scope, string Name, IReadOnlyList<MetricPoint> Points);

/// <summary>
/// One data point. <see cref="Value"/> is the gauge or sum value; histograms and summaries, which no test reads,
/// are counted with NaN.
/// </summary>
public sealed record MetricPoint(double Value, IReadOnlyDictionary<string, string> Attributes);
