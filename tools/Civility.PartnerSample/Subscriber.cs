using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Civility.PartnerSample;

/// <summary>
/// Connects with the partner's account, declares its queue and binds it, then prints each event and acknowledges it
/// after printing: an event is never lost between the broker and the partner, and may arrive twice (the broker
/// redelivers what was not acknowledged when a connection dropped), so repeats are recognised by their message id.
/// </summary>
public sealed class Subscriber(SubscriberOptions options, TextWriter output)
{
    /// <summary>Ids of recent events, to drop a redelivered one. A real partner keeps them with what it did, in one transaction.</summary>
    private readonly RecentIds _seen = new(capacity: 10_000);

    public async Task RunAsync(CancellationToken stop)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.Broker,
            ClientProvidedName = $"partner-sample {options.Partner}",
            // After a broker restart or a network cut: reconnect every 5 s, declare the queue and bindings again,
            // and consume on. Nothing to write for it but these two settings.
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(5),
        };
        await using var connection = await ConnectAsync(factory, stop);
        connection.ConnectionShutdownAsync += (_, e) => Say($"connection lost: {e.ReplyText}; reconnecting");
        connection.RecoverySucceededAsync += (_, _) => Say("connection recovered; consuming again");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stop);

        // A quorum queue survives a broker node's loss; durable, so events wait while the partner is away.
        await channel.QueueDeclareAsync(options.QueueName, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: stop);
        foreach (var exchange in options.Exchanges)
            await channel.QueueBindAsync(options.QueueName, exchange, routingKey: "", cancellationToken: stop);
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: 20, global: false, cancellationToken: stop);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            try
            {
                await HandleAsync(delivery.Body);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            }
            catch (JsonException ex)
            {
                // Not an event this code understands: set it aside rather than receive it again forever.
                await Say($"unreadable message {delivery.BasicProperties.MessageId}: {ex.Message}");
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
            }
        };
        await channel.BasicConsumeAsync(options.QueueName, autoAck: false, consumer, stop);
        await Say($"consuming {options.QueueName} ({string.Join(", ", options.Exchanges)})");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            await Say("stopping");
        }
    }

    /// <summary>The envelope's message id is the event's id: print the event once, whatever the number of deliveries.</summary>
    private async Task HandleAsync(ReadOnlyMemory<byte> body)
    {
        using var envelope = JsonDocument.Parse(body);
        var root = envelope.RootElement;
        var id = root.GetProperty("messageId").GetString()!;
        var type = root.GetProperty("messageType")[0].GetString()!.Replace("urn:message:", "", StringComparison.Ordinal);
        if (!_seen.Add(id))
        {
            await Say($"duplicate {type} {id}: already handled");
            return;
        }
        await Say($"EVENT {type} {id} {root.GetProperty("message").GetRawText().ReplaceLineEndings(" ")}");
    }

    /// <summary>The broker may be starting too: try again every 2 s until it answers (a wrong password fails at once).</summary>
    private async Task<IConnection> ConnectAsync(ConnectionFactory factory, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                return await factory.CreateConnectionAsync(stop);
            }
            catch (BrokerUnreachableException ex) when (ex.InnerException is not AuthenticationFailureException)
            {
                await Say($"broker not reachable ({ex.InnerException?.Message ?? ex.Message}); trying again");
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
        }
    }

    private async Task Say(string line)
    {
        await output.WriteLineAsync($"{DateTimeOffset.UtcNow:O} {line}");
        await output.FlushAsync();
    }
}

/// <summary>The last <c>capacity</c> ids seen, oldest forgotten first.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _ids = [];
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public bool Add(string id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id)) return false;
            _order.Enqueue(id);
            if (_order.Count > capacity) _ids.Remove(_order.Dequeue());
            return true;
        }
    }
}
