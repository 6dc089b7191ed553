using System.Net;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// A partner app as a new partner would be one, from docs/asyncapi.yaml alone: its own broker account, every documented
/// exchange there to bind to, payloads that match the document, no way to publish a forged event.
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class PartnerTests(CivilityAppFixture fixture)
{
    private static readonly AsyncApiContract Contract = AsyncApiContract.Load();

    [Fact]
    public async Task Every_documented_exchange_exists_for_a_partner_to_bind_to()
    {
        await using var connection = await ConnectAsync("publicity");
        var missing = new List<string>();
        foreach (var (name, exchange) in Contract.Channels)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.ExchangeDeclarePassiveAsync(exchange);
            }
            catch (OperationInterruptedException ex)
            {
                missing.Add($"{name} ({exchange}): {ex.ShutdownReason?.ReplyText}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_partner_receives_events_on_its_own_queue_and_they_match_the_document()
    {
        await using var connection = await ConnectAsync("publicity");
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"partner.publicity.e2e-{TestData.Token()}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await channel.QueueBindAsync(queue, Contract.Channels["UnitDetailsChanged"], "");

        var code = $"P-{TestData.Token()}";
        using var admin = await fixture.ClientAsync("civility-admin");
        using var created = await admin.PostAsync("/api/volunteers/units",
            new StringContent($$"""{"code":"{{code}}","name":"伙伴测试单位 {{code}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        BasicGetResult? delivery = null;
        await Polling.UntilAsync(async () =>
        {
            var got = await channel.BasicGetAsync(queue, autoAck: true);
            if (got is not null && Encoding.UTF8.GetString(got.Body.Span).Contains(code, StringComparison.Ordinal)) delivery = got;
            return delivery;
        }, TimeSpan.FromSeconds(30), $"UnitDetailsChanged for {code} on {queue}");
        Assert.Empty(Contract.Validate("UnitDetailsChanged", delivery!.Body.Span));
        await channel.QueueDeleteAsync(queue);
    }

    [Fact]
    public async Task A_partner_cannot_publish_an_event_nor_use_queues_that_are_not_its_own()
    {
        await using var connection = await ConnectAsync("publicity");
        var forged = Encoding.UTF8.GetBytes("""{"message":{"entryId":"00000000-0000-0000-0000-000000000000"}}""");

        // A forged black-listing on the event exchange every consumer trusts.
        await AssertRefusedAsync(connection, channel => channel.BasicPublishAsync(
            Contract.Channels["SubjectBlacklisted"], "", mandatory: false, new BasicProperties(), forged).AsTask());
        // Straight into a service's queue through the default exchange.
        await AssertRefusedAsync(connection, channel => channel.BasicPublishAsync(
            "", "moral-models-subject-blacklisted", mandatory: false, new BasicProperties(), forged).AsTask());
        // A queue under another name, and another's queue to read.
        await AssertRefusedAsync(connection, channel => channel.QueueDeclareAsync("moral-models-eavesdrop", durable: true, exclusive: false,
            autoDelete: false));
        await AssertRefusedAsync(connection, channel => channel.QueueDeclareAsync("partner.credit-platform.borrowed", durable: true,
            exclusive: false, autoDelete: false));
        await AssertRefusedAsync(connection, async channel => await channel.BasicGetAsync("pairing-unit-targets-changed", autoAck: false));
    }

    [Fact]
    public async Task The_partner_sample_subscriber_prints_the_stacks_events()
    {
        var broker = await fixture.PartnerBrokerUriAsync("volunteer-sync");
        await using var sample = await PartnerSampleProcess.StartAsync(broker.ToString(), "volunteer-sync",
            [Contract.Channels["UnitDetailsChanged"], Contract.Channels["UnitHeadcountSet"]], queue: $"e2e-{TestData.Token()}");

        var code = $"S-{TestData.Token()}";
        using var admin = await fixture.ClientAsync("civility-admin");
        using var created = await admin.PostAsync("/api/volunteers/units",
            new StringContent($$"""{"code":"{{code}}","name":"样例订阅单位 {{code}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var line = await sample.WaitForLineAsync(
            l => l.Contains("EVENT Civility.Contracts.Volunteers:UnitDetailsChanged", StringComparison.Ordinal)
                && l.Contains(code, StringComparison.Ordinal), TimeSpan.FromSeconds(30), $"the sample prints {code}");
        Assert.Contains("\"unitName\"", line);
    }

    private async Task<IConnection> ConnectAsync(string partner) =>
        await new ConnectionFactory { Uri = await fixture.PartnerBrokerUriAsync(partner) }.CreateConnectionAsync();

    /// <summary>The broker closes the channel with 403 ACCESS_REFUSED (a publish: once it confirms, or refuses, the publish).</summary>
    private static async Task AssertRefusedAsync(IConnection connection, Func<IChannel, Task> act)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => act(channel));
        var reason = (refused as OperationInterruptedException)?.ShutdownReason ?? channel.CloseReason;
        Assert.True(reason?.ReplyCode == 403, $"expected ACCESS_REFUSED, got {refused.GetType().Name}: {refused.Message}");
    }
}
