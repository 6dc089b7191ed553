using RabbitMQ.Client;

namespace Civility.Messaging.Tests;

/// <summary>Looks at queues the way an operator would, without the management plugin: passive declares over AMQP.</summary>
internal sealed class BrokerQueues(string brokerUri)
{
    /// <summary>Messages ready in <paramref name="queue"/>, or null if there is no such queue.</summary>
    public async Task<uint?> MessageCountAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(brokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        // A passive declare of a missing queue closes the channel: one channel per look.
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    public async Task<uint> TotalAsync(IEnumerable<string> queues)
    {
        uint total = 0;
        foreach (var queue in queues) total += await MessageCountAsync(queue) ?? 0;
        return total;
    }
}
