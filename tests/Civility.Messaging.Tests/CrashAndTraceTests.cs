using System.Diagnostics;
using Civility.Messaging.Outbox;
using Civility.Messaging.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Trace;

namespace Civility.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class CrashAndTraceTests(LocalServers servers)
{
    [Fact]
    public async Task A_consumer_killed_mid_stream_and_restarted_loses_nothing_and_applies_nothing_twice()
    {
        var producerDatabase = await servers.CreateDatabaseAsync();
        var consumerDatabase = await servers.CreateDatabaseAsync();
        var consumerEffects = new Effects(consumerDatabase);
        await using var consumer = new ConsumerProcess(consumerDatabase, servers.BrokerUri, $"crash-{Guid.NewGuid():N}"[..14]);
        await consumer.StartAsync();
        await using var producer = await TestService.StartAsync(producerDatabase, servers.BrokerUri, $"prod-{Guid.NewGuid():N}"[..13]);

        var production = producer.ProduceAsync(1000);
        await LocalServers.WaitUntilAsync(async () => (await consumerEffects.CountAsync()).Distinct >= 150,
            TimeSpan.FromSeconds(60), "the consumer is mid-stream");
        await consumer.KillAsync();
        var appliedBeforeKill = (await consumerEffects.CountAsync()).Distinct;
        await production;
        await consumer.StartAsync();

        var (total, distinct) = await consumerEffects.WaitForAsync(1000, TimeSpan.FromSeconds(120));
        Assert.True(appliedBeforeKill < 1000, "the kill must land mid-stream");
        Assert.Equal((1000L, 1000L), (total, distinct));
    }

    [Fact]
    public async Task One_trace_links_the_http_request_the_publish_and_the_consume()
    {
        var database = await servers.CreateDatabaseAsync();
        var effects = new Effects(database);
        var exported = new List<Activity>();
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, $"trace-{Guid.NewGuid():N}"[..14],
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)),
            map: app => app.MapPost("/changes", async (MessagingTestDbContext db) =>
            {
                db.Changes.Add(new Change { Note = "traced" });
                db.AddIntegrationEvent(new TestEvent(42), TimeProvider.System);
                await db.SaveChangesAsync();
                return TypedResults.Accepted("/changes");
            }));

        using var http = new HttpClient();
        using var response = await http.PostAsync($"{service.Url}/changes", null);
        response.EnsureSuccessStatusCode();
        await effects.WaitForAsync(1, TimeSpan.FromSeconds(30));

        Activity? request = null, publish = null, consume = null;
        await LocalServers.WaitUntilAsync(() =>
        {
            lock (exported)
            {
                request = exported.FirstOrDefault(a => a.Kind == ActivityKind.Server && a.DisplayName.Contains("/changes"));
                publish = exported.FirstOrDefault(a => a.Kind == ActivityKind.Producer && a.Source.Name == "MassTransit");
                consume = exported.FirstOrDefault(a => a.Kind == ActivityKind.Consumer && a.Source.Name == "MassTransit");
            }
            return Task.FromResult(request is not null && publish is not null && consume is not null);
        }, TimeSpan.FromSeconds(30), "request, publish and consume spans exported");

        Assert.Equal(request!.TraceId, publish!.TraceId);
        Assert.Equal(request.TraceId, consume!.TraceId);
        Assert.Contains(exported, a => a.Source.Name == MessagingTelemetry.Name && a.TraceId == request.TraceId);
    }
}
