using System.Net;
using System.Net.Http.Json;
using Civility.EndToEnd.Tests.Telemetry;
using Npgsql;
using Xunit.Abstractions;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// What the services export over OTLP, read back from the fixture's receiver: one trace that follows a change from the
/// gateway through a service's outbox and the broker into another service, and the outbox backlog gauge.
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class TelemetryTests(CivilityAppFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Every_project_exports_to_the_test_receiver_over_http_protobuf()
    {
        foreach (var project in CivilityAppFixture.Projects)
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(project, out var state), $"{project} has no state");
            var environment = state.Snapshot.EnvironmentVariables;
            foreach (var (name, expected) in TelemetryExport.Variables(fixture.Telemetry))
            {
                // Aspire sets the same variables for its dashboard: the process must end up with ours.
                var values = environment.Where(v => v.Name == name).Select(v => v.Value).ToList();
                Assert.True(values.Count > 0 && values.All(v => v == expected),
                    $"{project}: {name} is [{string.Join(", ", values)}], expected {expected}");
            }
            // What arrives is named by the resource: Aspire passes its name as OTEL_SERVICE_NAME.
            await UntilAsync(() => fixture.Telemetry.ExportedMetricNames.Any(m => m.Service == project) ? "exported" : null,
                $"{project} exports metrics as service.name \"{project}\"");
        }
        Assert.Empty(fixture.Telemetry.DecodeFailures);
    }

    [Fact]
    public async Task A_unit_change_is_one_trace_from_the_gateway_through_the_outbox_and_broker_to_the_consuming_service()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var code = $"OTEL-{TestData.Token()}".ToUpperInvariant();
        using var created = await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = $"Traced unit {code}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var traceId = created.Headers.GetValues("X-Trace-Id").Single();

        // The moral-model service consumed the UnitDetailsChanged the volunteer service wrote to its outbox.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Polling.UntilAsync(async () => await KnownUnitCountAsync(code) > 0 ? "known" : null, Deadline,
            $"moral-models learns of unit {code}");
        output.WriteLine($"moral-models had the unit after {clock.Elapsed.TotalSeconds:0.0} s");

        var trace = await WaitForConnectedTraceAsync(traceId);
        output.WriteLine($"every hop was exported and linked after {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(trace.ToString());
        var hops = UnitChangeHops.In(trace)!;
        Assert.All(hops.All, span => Assert.Equal(traceId, span.TraceId));
        Assert.Equal(SpanKind.Server, hops.Gateway.Kind);
        Assert.Equal(SpanKind.Server, hops.Handler.Kind);
        Assert.Equal(SpanKind.Producer, hops.Publish.Kind);
        Assert.Equal(SpanKind.Consumer, hops.Consume.Kind);
        // Nearest first: consume ← publish ← outbox relay ← the volunteer service's request ← the gateway's request.
        var ancestry = trace.Ancestry(hops.Consume);
        Assert.True(IsInOrder(ancestry, [hops.Consume, hops.Publish, hops.Relay, hops.Handler, hops.Gateway]),
            $"The consume span's ancestry is not connected through every hop:\n{string.Join("\n", ancestry)}\n\n{trace}");
        // And it is the same message all the way: the outbox row's id is the MessageId that was sent and consumed.
        var messageId = hops.Relay.Attributes["messaging.message.id"];
        Assert.Equal(messageId, hops.Publish.Attributes.GetValueOrDefault("messaging.masstransit.message_id"));
        Assert.Equal(messageId, hops.Consume.Attributes.GetValueOrDefault("messaging.masstransit.message_id"));
    }

    [Fact]
    public async Task Each_service_exports_its_outbox_backlog()
    {
        foreach (var service in CivilityAppFixture.Services)
        {
            var backlog = await UntilAsync(() => fixture.Telemetry.LatestMetric(service, "civility.outbox.backlog"),
                $"{service} exports civility.outbox.backlog");
            Assert.Equal("Civility.Messaging", backlog.Scope);
            var point = Assert.Single(backlog.Points);
            Assert.True(point.Value >= 0, $"{service}: backlog {point.Value}");
            Assert.False(string.IsNullOrEmpty(point.Attributes.GetValueOrDefault("service")), $"{service}: the backlog names no outbox");
            output.WriteLine($"{service}: {backlog.Name} = {point.Value} {{service={point.Attributes["service"]}}}");
        }
    }

    /// <summary>Polls until every hop has been exported and linked; on timeout, fails with the whole trace as exported.</summary>
    private async Task<ExportedTrace> WaitForConnectedTraceAsync(string traceId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var trace = new ExportedTrace(traceId, fixture.Telemetry.SpansOf(traceId));
            if (UnitChangeHops.In(trace) is { } hops && trace.Ancestry(hops.Consume).Contains(hops.Gateway)) return trace;
            if (clock.Elapsed > Deadline)
            {
                Assert.Fail($"Gave up after {Deadline} waiting for the gateway, volunteers (server, outbox relay, publish) and "
                            + $"moral-models (consume) spans of one connected trace. Missing: {UnitChangeHops.Missing(trace)}\n{trace}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Polls the receiver; on timeout, says which services exported which metrics by then.</summary>
    private async Task<T> UntilAsync<T>(Func<T?> probe, string what) where T : class
    {
        try
        {
            return await Polling.UntilAsync(() => Task.FromResult(probe()), Deadline, what);
        }
        catch (TimeoutException timeout)
        {
            var exported = fixture.Telemetry.ExportedMetricNames.GroupBy(m => m.Service)
                .Select(g => $"{(g.Key.Length == 0 ? "(no service.name)" : g.Key)}: {g.Count()} metrics"
                    + $" ({string.Join(", ", g.Select(m => m.Metric).Where(m => m.StartsWith("civility", StringComparison.Ordinal)))})");
            throw new TimeoutException($"{timeout.Message}. Exported so far: {string.Join("; ", exported)}", timeout);
        }
    }

    private static bool IsInOrder(IReadOnlyList<ExportedSpan> chain, ExportedSpan[] expected)
    {
        var at = 0;
        foreach (var span in chain)
            if (at < expected.Length && span == expected[at]) at++;
        return at == expected.Length;
    }

    private async Task<long> KnownUnitCountAsync(string code)
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync("moral-models-db"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM moral_models.known_units WHERE unit_code = $1", connection)
        {
            Parameters = { new() { Value = code } },
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The five spans a unit change must leave, each picked by service, instrumentation and kind.</summary>
    private sealed record UnitChangeHops(ExportedSpan Gateway, ExportedSpan Handler, ExportedSpan Relay, ExportedSpan Publish,
        ExportedSpan Consume)
    {
        public IEnumerable<ExportedSpan> All => [Gateway, Handler, Relay, Publish, Consume];

        private static readonly (string What, Func<ExportedSpan, bool> Is)[] Hops =
        [
            ("gateway server span", s => s.Service == "gateway" && s.Kind == SpanKind.Server),
            ("volunteers server span", s => s.Service == "volunteers" && s.Kind == SpanKind.Server),
            ("volunteers outbox relay span", s => s.Service == "volunteers" && s.Scope == "Civility.Messaging"
                && s.Name == "outbox relay UnitDetailsChanged"),
            // MassTransit names the publish "{message type} send" (messaging.operation = send).
            ("volunteers MassTransit send span", s => s.Service == "volunteers" && s.Scope == "MassTransit" && s.Kind == SpanKind.Producer
                && s.Attributes.GetValueOrDefault("messaging.destination.name", "")
                    .EndsWith(":UnitDetailsChanged", StringComparison.Ordinal)),
            // Under its "{queue} receive" span MassTransit runs each consumer in a "{queue} process" span.
            ("moral-models MassTransit process span", s => s.Service == "moral-models" && s.Scope == "MassTransit"
                && s.Kind == SpanKind.Consumer
                && s.Attributes.GetValueOrDefault("messaging.masstransit.consumer_type", "")
                    .EndsWith(".UnitDetailsChangedConsumer", StringComparison.Ordinal)),
        ];

        public static UnitChangeHops? In(ExportedTrace trace)
        {
            var found = Hops.Select(hop => trace.Spans.FirstOrDefault(hop.Is)).ToArray();
            return found.Any(span => span is null) ? null : new UnitChangeHops(found[0]!, found[1]!, found[2]!, found[3]!, found[4]!);
        }

        public static string Missing(ExportedTrace trace) =>
            string.Join(", ", Hops.Where(hop => !trace.Spans.Any(hop.Is)).Select(hop => hop.What)
                .DefaultIfEmpty("none (but not connected)"));
    }
}
