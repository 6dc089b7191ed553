using System.Diagnostics;
using Civility.Contracts.Diagnostics;
using Civility.Messaging.TestHost;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Civility.Messaging.Tests;

/// <summary>
/// Messaging that survives a bad minute: a consumer whose database is away keeps its messages waiting in the broker's
/// delay queues (not in <c>_error</c>, not in its own memory) and applies each once when the database is back.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class RedeliveryTests(LocalServers servers)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The production schedule shortened to fit a test: one quick retry in process, then 1 s, 2 s, 5 s, 10 s, 20 s, 45 s
    /// in the broker. A message failing at every attempt from the first second of the outage is tried for the last
    /// time at 83 s at the earliest, well after the database is back.
    /// </summary>
    private static readonly string[] ShortSchedule = ["00:00:01", "00:00:02", "00:00:05", "00:00:10", "00:00:20", "00:00:45"];

    private static readonly string[] DelayQueueSuffixes = ["_delay_1s", "_delay_2s", "_delay_5s", "_delay_10s", "_delay_20s", "_delay_45s"];

    private static Dictionary<string, string> Schedule(params string[] delays)
    {
        var settings = new Dictionary<string, string>
        {
            ["Messaging:ImmediateRetries"] = "1",
            ["Messaging:RetryIntervals:0"] = "100",
            // EF's retrying execution strategy (Aspire's default) holds each attempt for about a minute of retries on
            // its own; off here, so the minute-long outage is carried by the broker's delay queues under test.
            ["Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:DisableRetry"] = "true",
        };
        for (var i = 0; i < delays.Length; i++) settings[$"Messaging:RedeliveryDelays:{i}"] = delays[i];
        return settings;
    }

    [Fact]
    public void The_default_schedule_waits_at_least_ten_minutes_in_growing_steps_before_error()
    {
        var delays = new MessagingSettings().Redeliveries;

        Assert.True(delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d) >= TimeSpan.FromMinutes(10));
        Assert.Equal(delays.Order(), delays);
        Assert.Equal(delays.Count, delays.Distinct().Count());
        Assert.True(delays[0] <= TimeSpan.FromSeconds(10), "the first redelivery comes soon: most faults are short");
    }

    [Fact]
    public void A_configured_schedule_replaces_the_default_one_instead_of_adding_to_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:RedeliveryDelays:0"] = "00:00:01",
            ["Messaging:RedeliveryDelays:1"] = "00:00:03",
            ["Messaging:RetryIntervals:0"] = "50",
        }).Build();

        var settings = configuration.GetSection("Messaging").Get<MessagingSettings>()!;

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], settings.Redeliveries);
        Assert.Equal([TimeSpan.FromMilliseconds(50)], settings.InProcessRetryIntervals);
        Assert.Equal([200, 1000, 3000], new MessagingSettings().InProcessRetryIntervals.Select(i => (int)i.TotalMilliseconds));
    }

    [Fact]
    public async Task A_consumer_whose_database_is_away_for_a_minute_applies_every_event_once_when_it_is_back_and_none_goes_to_error()
    {
        var producerDatabase = await servers.CreateDatabaseAsync();
        var consumerDatabase = await servers.CreateDatabaseAsync();
        var effects = new Effects(consumerDatabase);
        var queues = new BrokerQueues(servers.BrokerUri);
        var serviceName = $"away-{Guid.NewGuid():N}"[..13];
        var eventQueue = $"{serviceName}-test-event";
        var pingQueue = $"{serviceName}-service-pinged";
        await using var consumer = new ConsumerProcess(consumerDatabase, servers.BrokerUri, serviceName, Schedule(ShortSchedule));
        await consumer.StartAsync();
        await using var producer = await TestService.StartAsync(producerDatabase, servers.BrokerUri, $"prod-{Guid.NewGuid():N}"[..13]);
        await producer.ProduceAsync(1);
        await effects.WaitForAsync(1, TimeSpan.FromSeconds(60));
        // Pings go to a batch consumer (InboxBatchConsumer): a failed batch sends each of its messages for redelivery.
        var pings = Enumerable.Range(0, 200)
            .Select(i => new ServicePinged(Guid.CreateVersion7(), "test", $"ping {i}", serviceName)).ToList();
        var bus = producer.App.Services.GetRequiredService<IBus>();

        uint mostWaiting = 0;
        await using (var outage = await DatabaseOutage.BeginAsync(servers, consumerDatabase))
        {
            var away = Stopwatch.StartNew();
            await producer.ProduceAsync(1000, firstSequence: 1);
            await Task.WhenAll(pings.Select(ping => bus.Publish(ping, context => context.MessageId = ping.EventId)));
            // Meanwhile the failing messages wait in the broker, in the delay queues of both consumers.
            var delayQueues = DelayQueueSuffixes.SelectMany(suffix => new[] { eventQueue + suffix, pingQueue + suffix }).ToList();
            while (away.Elapsed < Outage)
            {
                mostWaiting = Math.Max(mostWaiting, await queues.TotalAsync(delayQueues));
                await Task.Delay(1000);
            }
            await outage.EndAsync();
        }

        var (total, distinct) = await effects.WaitForAsync(1001, TimeSpan.FromSeconds(90));
        Assert.Equal((1001L, 1001L), (total, distinct));
        await LocalServers.WaitUntilAsync(async () => await ReceivedPingsAsync(consumerDatabase) >= pings.Count, TimeSpan.FromSeconds(60),
            "every ping received");
        Assert.Equal(pings.Count, await ReceivedPingsAsync(consumerDatabase));
        Assert.True(mostWaiting >= 100, $"at most {mostWaiting} messages waited in the delay queues during the outage");
        Assert.Equal(0u, await queues.MessageCountAsync(eventQueue + "_error") ?? 0);
        Assert.Equal(0u, await queues.MessageCountAsync(pingQueue + "_error") ?? 0);
    }

    [Fact]
    public async Task Messages_waiting_in_a_delay_queue_outlive_a_restart_of_the_consumer_and_are_applied_once()
    {
        var producerDatabase = await servers.CreateDatabaseAsync();
        var consumerDatabase = await servers.CreateDatabaseAsync();
        var effects = new Effects(consumerDatabase);
        var queues = new BrokerQueues(servers.BrokerUri);
        var serviceName = $"rest-{Guid.NewGuid():N}"[..13];
        var delayQueue = $"{serviceName}-test-event_delay_20s";
        await using var consumer = new ConsumerProcess(consumerDatabase, servers.BrokerUri, serviceName, Schedule("00:00:20"));
        await consumer.StartAsync();
        await using var producer = await TestService.StartAsync(producerDatabase, servers.BrokerUri, $"prod-{Guid.NewGuid():N}"[..13]);
        await producer.ProduceAsync(1);
        await effects.WaitForAsync(1, TimeSpan.FromSeconds(60));

        await using (var outage = await DatabaseOutage.BeginAsync(servers, consumerDatabase))
        {
            await producer.ProduceAsync(50, firstSequence: 1);
            await LocalServers.WaitUntilAsync(async () => await queues.MessageCountAsync(delayQueue) == 50, TimeSpan.FromSeconds(15),
                "all 50 wait in the delay queue");
            await consumer.KillAsync();
            await outage.EndAsync();
        }
        // The consumer is gone; what it sent for later is in the broker, not in the process that was killed.
        Assert.Equal(50u, await queues.MessageCountAsync(delayQueue));
        await consumer.StartAsync();

        var (total, distinct) = await effects.WaitForAsync(51, TimeSpan.FromSeconds(45));
        Assert.Equal((51L, 51L), (total, distinct));
        Assert.Equal(0u, await queues.MessageCountAsync(delayQueue));
        Assert.Equal(0u, await queues.MessageCountAsync($"{serviceName}-test-event_error") ?? 0);
    }

    private static async Task<long> ReceivedPingsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"SELECT count(DISTINCT ping_id) FROM {MessagingTestDbContext.Schema}.received_pings", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
