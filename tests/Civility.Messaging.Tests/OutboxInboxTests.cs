using Civility.Contracts.Diagnostics;
using Civility.Messaging.Diagnostics;
using Civility.Messaging.Inbox;
using Civility.Messaging.Outbox;
using Civility.Messaging.TestHost;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;

namespace Civility.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class OutboxInboxTests(LocalServers servers)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static string NewServiceName() => $"mt-{Guid.NewGuid():N}"[..11];

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing_and_a_committed_one_is_consumed()
    {
        var database = await servers.CreateDatabaseAsync();
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, NewServiceName());
        var effects = new Effects(database);

        await using (var scope = service.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Changes.Add(new Change { Note = "rolled back" });
                db.AddIntegrationEvent(new TestEvent(1), TimeProvider.System);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        }
        await service.ProduceAsync(1, firstSequence: 2);

        var (total, distinct) = await effects.WaitForAsync(1, Deadline);
        await Task.Delay(1000); // give a wrongly published rolled-back event time to show up
        (total, distinct) = await effects.CountAsync();
        Assert.Equal((1L, 1L), (total, distinct));
        await using var scope2 = service.App.Services.CreateAsyncScope();
        var read = scope2.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
        Assert.Equal(2, (await read.Effects.SingleAsync()).Sequence);
        Assert.Equal(1, await read.Set<OutboxMessage>().CountAsync());
    }

    [Fact]
    public async Task Events_produced_while_the_broker_is_down_are_all_consumed_exactly_once_after_it_returns()
    {
        var database = await servers.CreateDatabaseAsync();
        var effects = new Effects(database);
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, NewServiceName());
        await service.ProduceAsync(1); // the queue exists before the broker goes down
        await effects.WaitForAsync(1, Deadline);

        await servers.StopBrokerAsync();
        try
        {
            var produced = DateTime.UtcNow;
            await service.ProduceAsync(1000, firstSequence: 1);
            Assert.True(await effects.UnpublishedAsync() > 0, "with the broker down the rows must wait in the outbox");
            var downFor = TimeSpan.FromSeconds(10) - (DateTime.UtcNow - produced);
            if (downFor > TimeSpan.Zero) await Task.Delay(downFor);
            Assert.Equal(1000, await effects.UnpublishedAsync());
            // What an administrator sees on the dashboard meanwhile: the outbox backlog gauge.
            await LocalServers.WaitUntilAsync(() => Task.FromResult(BacklogGauge.Read("MessagingTest") >= 1000), TimeSpan.FromSeconds(20),
                "the outbox backlog gauge shows the waiting events");
        }
        finally
        {
            await servers.StartBrokerAsync();
        }

        var (total, distinct) = await effects.WaitForAsync(1001, TimeSpan.FromSeconds(120));
        Assert.Equal((1001L, 1001L), (total, distinct));
        Assert.Equal(0, await effects.UnpublishedAsync());
    }

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var database = await servers.CreateDatabaseAsync();
        var effects = new Effects(database);
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, NewServiceName());
        var bus = service.App.Services.GetRequiredService<IBus>();
        var message = new TestEvent(7);

        await bus.Publish(message, context => context.MessageId = message.EventId);
        await bus.Publish(message, context => context.MessageId = message.EventId);
        var other = new TestEvent(8);
        await bus.Publish(other, context => context.MessageId = other.EventId); // behind both copies

        await effects.WaitForAsync(2, Deadline);
        await Task.Delay(500);
        Assert.Equal((2L, 2L), await effects.CountAsync());
    }

    [Fact]
    public async Task Pings_are_consumed_in_batches_once_each_and_only_by_the_service_they_are_addressed_to()
    {
        var database = await servers.CreateDatabaseAsync();
        var serviceName = NewServiceName();
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, serviceName);
        var bus = service.App.Services.GetRequiredService<IBus>();
        var pings = Enumerable.Range(0, 300)
            .Select(i => new ServicePinged(Guid.CreateVersion7(), "test", $"ping {i}", serviceName)).ToList();
        var elsewhere = new ServicePinged(Guid.CreateVersion7(), "test", "not for this service", "some-other-service");

        // Every ping three times, all at once: copies land in the same batch and in later ones.
        await Task.WhenAll(pings.Concat(pings).Append(elsewhere).Concat(pings)
            .Select(ping => bus.Publish(ping, context => context.MessageId = ping.EventId)));

        await using var scope = service.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
        await LocalServers.WaitUntilAsync(async () => await db.Set<ReceivedPing>().CountAsync() >= pings.Count, Deadline,
            "all pings consumed");
        await Task.Delay(1000); // give a second effect or the stray ping time to show up
        var received = await db.Set<ReceivedPing>().Select(p => p.PingId).ToListAsync();
        Assert.Equal(pings.Select(p => p.PingId).Order(), received.Order());
        Assert.Equal(pings.Count, await db.Set<InboxMessage>().CountAsync(m => m.Consumer == "service-pinged"));
        // Received in batches (one clock reading per batch), larger than the service-wide limit of messages in flight
        // (16): a batch endpoint is sized for its batches.
        var batches = await db.Set<ReceivedPing>().GroupBy(p => p.ReceivedAt).Select(g => g.Count()).ToListAsync();
        Assert.True(batches.Count < pings.Count / 2, $"{batches.Count} batches");
        Assert.True(batches.Max() > 16, $"largest batch {batches.Max()}");
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_and_the_messages_behind_it_are_consumed()
    {
        var database = await servers.CreateDatabaseAsync();
        var effects = new Effects(database);
        var serviceName = NewServiceName();
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, serviceName);

        await service.ProduceAsync(1, firstSequence: 0, poison: true);
        await service.ProduceAsync(20, firstSequence: 1);

        var (total, distinct) = await effects.WaitForAsync(20, Deadline);
        Assert.Equal((20L, 20L), (total, distinct));

        // It went to _error only after the redeliveries from both delay queues of the schedule (200 ms, 500 ms).
        var eventQueue = $"{serviceName}-test-event";
        var errorQueue = eventQueue + "_error";
        var queues = new BrokerQueues(servers.BrokerUri);
        await LocalServers.WaitUntilAsync(async () => await queues.MessageCountAsync(errorQueue) == 1, Deadline,
            $"one message in {errorQueue}");
        Assert.Equal(0u, await queues.MessageCountAsync(eventQueue + "_delay_200ms"));
        Assert.Equal(0u, await queues.MessageCountAsync(eventQueue + "_delay_500ms"));
        var factory = new ConnectionFactory { Uri = new Uri(servers.BrokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var faulted = await channel.BasicGetAsync(errorQueue, autoAck: false);
        Assert.NotNull(faulted);
        var headers = faulted.BasicProperties.Headers!;
        Assert.Contains("Poison message 0", headers["MT-Fault-Message"] is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : "");
        Assert.Equal(2, Convert.ToInt32(headers["MT-Redelivery-Count"]));
    }

    [Fact]
    public async Task An_outbox_row_that_cannot_be_published_is_parked_and_the_events_behind_it_go_on_without_waiting()
    {
        var database = await servers.CreateDatabaseAsync();
        var effects = new Effects(database);
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, NewServiceName());
        await service.ProduceAsync(1);
        await effects.WaitForAsync(1, Deadline);

        // An event whose type a redeploy removed: no relay can read it, now or later. It heads the line.
        var unreadable = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {MessagingTestDbContext.Schema}.{MessagingModel.OutboxTable} " +
                "(id, message_type, body, created_at, attempts) " +
                "VALUES ($1, 'Civility.Removed.GoneEvent, Civility.Removed', '{}', now(), 0)", connection)
            {
                Parameters = { new() { Value = unreadable } },
            };
            await insert.ExecuteNonQueryAsync();
        }
        await service.ProduceAsync(1000, firstSequence: 1);

        var (total, distinct) = await effects.WaitForAsync(1001, TimeSpan.FromSeconds(60));
        Assert.Equal((1001L, 1001L), (total, distinct));
        await LocalServers.WaitUntilAsync(async () => await ParkedAsync(database, unreadable) is { } row && row.ParkedAt is not null,
            Deadline, "the unreadable row is parked");
        var parked = (await ParkedAsync(database, unreadable))!.Value;
        Assert.Equal(new OutboxOptions().ParkAfterAttempts, parked.Attempts);
        Assert.Contains("Civility.Removed", parked.Error);
        Assert.Equal(1, await effects.UnpublishedAsync()); // the parked row only
        await LocalServers.WaitUntilAsync(
            () => Task.FromResult(BacklogGauge.Read("MessagingTest", "civility.outbox.parked") == 1), Deadline,
            "the parked gauge shows the row");
        Assert.Equal(0, BacklogGauge.Read("MessagingTest"));
    }

    private static async Task<(int Attempts, DateTimeOffset? ParkedAt, string Error)?> ParkedAsync(string database, Guid id)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            $"SELECT attempts, parked_at, coalesce(last_error, '') FROM {MessagingTestDbContext.Schema}.{MessagingModel.OutboxTable} " +
            "WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id } },
        };
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2));
    }

    [Fact]
    public async Task Two_relays_over_one_outbox_publish_each_event_once()
    {
        var database = await servers.CreateDatabaseAsync();
        var effects = new Effects(database);
        var serviceName = NewServiceName();
        await using var first = await TestService.StartAsync(database, servers.BrokerUri, serviceName);
        await using var second = await TestService.StartAsync(database, servers.BrokerUri, serviceName);

        await Task.WhenAll(first.ProduceAsync(500, firstSequence: 0), second.ProduceAsync(500, firstSequence: 500));

        var (total, distinct) = await effects.WaitForAsync(1000, TimeSpan.FromSeconds(120));
        Assert.Equal((1000L, 1000L), (total, distinct));
        Assert.Equal(0, await effects.UnpublishedAsync());
    }
}
