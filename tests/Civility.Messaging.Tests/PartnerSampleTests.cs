using System.Text;
using RabbitMQ.Client;

namespace Civility.Messaging.Tests;

/// <summary>
/// tools/Civility.PartnerSample, the subscriber partners copy: it prints each event once, acknowledges it, and carries
/// on after the broker restarts, with the events published while it was away.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class PartnerSampleTests(LocalServers servers)
{
    private const string Exchange = "Civility.Contracts.Tests:SampleHappened";

    [Fact]
    public async Task The_sample_prints_each_event_once_and_resumes_after_a_broker_restart()
    {
        await PublishAsync(null); // declares the exchange, as a service does at its start
        await using var sample = await PartnerSampleProcess.StartAsync(servers.BrokerUri, "sample-test", [Exchange]);

        var first = Guid.NewGuid();
        await PublishAsync(first);
        await PublishAsync(first); // a redelivery, as after a dropped connection
        await sample.WaitForLineAsync(l => l.Contains($"EVENT Civility.Contracts.Tests:SampleHappened {first}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the first event");
        await sample.WaitForLineAsync(
            l => l.Contains($"duplicate Civility.Contracts.Tests:SampleHappened {first}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the repeat recognised");

        await servers.StopBrokerAsync();
        await servers.StartBrokerAsync();
        var second = Guid.NewGuid();
        await PublishAsync(second); // into the durable queue, while the sample is still reconnecting
        await sample.WaitForLineAsync(l => l.Contains($"EVENT Civility.Contracts.Tests:SampleHappened {second}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), "the event published after the restart");
        Assert.Single(sample.Lines, l => l.Contains($"EVENT Civility.Contracts.Tests:SampleHappened {first}", StringComparison.Ordinal));
    }

    /// <summary>A MassTransit-shaped envelope, persistent, on the event's fanout exchange (declared if need be).</summary>
    private async Task PublishAsync(Guid? id)
    {
        var factory = new ConnectionFactory { Uri = new Uri(servers.BrokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        if (id is not { } messageId) return;
        var body = Encoding.UTF8.GetBytes($$$"""
            {"messageId":"{{{messageId}}}","messageType":["urn:message:{{{Exchange}}}"],"sentTime":"{{{DateTimeOffset.UtcNow:O}}}",
             "message":{"eventId":"{{{messageId}}}","occurredAt":"{{{DateTimeOffset.UtcNow:O}}}","version":1,"note":"样例"}}
            """);
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            Persistent = true,
            ContentType = "application/vnd.masstransit+json",
        };
        await channel.BasicPublishAsync(Exchange, "", mandatory: false, properties, body);
    }
}
