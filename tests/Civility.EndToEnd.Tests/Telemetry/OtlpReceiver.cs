using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP (protobuf) receiver in the test process, standing where the Aspire dashboard would: the services
/// export their spans and metrics here, and the tests read what was really exported, not what a process meant to.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ExportedSpan>> _spansByTrace = new();
    private readonly ConcurrentDictionary<(string Service, string Metric), ExportedMetric> _latestMetrics = new();
    private readonly ConcurrentQueue<string> _decodeFailures = new();
    private WebApplication? _app;

    /// <summary>The base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; exporters add <c>/v1/traces</c> and the others.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Bodies that were not valid OTLP protobuf: each one a test would otherwise miss silently.</summary>
    public IReadOnlyCollection<string> DecodeFailures => [.. _decodeFailures];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/traces", context => ReceiveAsync(context, SpanDecoder.Decode, Keep));
        _app.MapPost("/v1/metrics", context => ReceiveAsync(context, MetricDecoder.Decode, Keep));
        // Logs are accepted so the exporters stay quiet; no test reads them from here (the fixture reads the console).
        _app.MapPost("/v1/logs", context => ReceiveAsync(context, _ => 0, _ => { }));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Endpoint = new Uri(address);
    }

    /// <summary>Every span of one trace exported so far, by any service.</summary>
    public IReadOnlyList<ExportedSpan> SpansOf(string traceId) =>
        _spansByTrace.TryGetValue(traceId, out var spans) ? [.. spans] : [];

    /// <summary>The last export of a metric by a service that carried at least one data point.</summary>
    public ExportedMetric? LatestMetric(string service, string metric) => _latestMetrics.GetValueOrDefault((service, metric));

    /// <summary>Which services exported which metrics: for failure messages.</summary>
    public IReadOnlyCollection<(string Service, string Metric)> ExportedMetricNames => [.. _latestMetrics.Keys];

    /// <summary>Every span is kept, by trace: a few minutes of the end-to-end run are some megabytes.</summary>
    private void Keep(List<ExportedSpan> spans)
    {
        foreach (var span in spans) _spansByTrace.GetOrAdd(span.TraceId, _ => new ConcurrentQueue<ExportedSpan>()).Enqueue(span);
    }

    private void Keep(List<ExportedMetric> metrics)
    {
        // Only the latest export of each metric is kept: a run exports every second for minutes.
        foreach (var metric in metrics.Where(m => m.Points.Count > 0)) _latestMetrics[(metric.Service, metric.Name)] = metric;
    }

    private async Task ReceiveAsync<T>(HttpContext context, Func<byte[], T> decode, Action<T> keep)
    {
        var body = await ReadBodyAsync(context.Request);
        try
        {
            keep(decode(body));
        }
        catch (Exception ex) when (ex is Google.Protobuf.InvalidProtocolBufferException or InvalidCastException or ArgumentException)
        {
            _decodeFailures.Enqueue($"{context.Request.Path} ({body.Length} bytes, {context.Request.ContentType}): {ex.Message}");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // An empty Export*ServiceResponse: no partial_success, everything accepted.
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The .NET OTLP exporter sends uncompressed protobuf; anything else ends up in <see cref="DecodeFailures"/>.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
