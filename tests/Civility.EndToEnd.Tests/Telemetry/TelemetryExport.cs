using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Civility.EndToEnd.Tests.Telemetry;

internal static class TelemetryExport
{
    /// <summary>
    /// Points a project's OTLP exporters at the test's receiver, over HTTP/protobuf, with short batch and export
    /// intervals so a test waits for telemetry in fractions of a second. Added after the app host's own callbacks
    /// (Aspire's points at its dashboard), so these values are the ones the process gets.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTelemetryExportedTo(this IResourceBuilder<ProjectResource> project,
        OtlpReceiver receiver) =>
        project.WithEnvironment(context =>
        {
            foreach (var (name, value) in Variables(receiver)) context.EnvironmentVariables[name] = value;
        });

    /// <summary>The OTEL_* settings every project runs with in the end-to-end stack.</summary>
    public static IEnumerable<(string Name, string Value)> Variables(OtlpReceiver receiver) =>
    [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint.GetLeftPart(UriPartial.Authority)),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        ("OTEL_BSP_SCHEDULE_DELAY", "200"),
        ("OTEL_METRIC_EXPORT_INTERVAL", "1000"),
        ("OTEL_BLRP_SCHEDULE_DELAY", "500"),
    ];
}
