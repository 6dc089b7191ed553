using Civility.Contracts;
using Civility.Contracts.VillagePairing;

namespace Civility.Webhooks.Tests;

[Collection(WebhooksCollection.Name)]
public sealed class RestartTests(WebhooksServiceFixture fixture)
{
    [Fact]
    public async Task Nothing_is_lost_or_sent_twice_across_a_restart_of_the_service_with_deliveries_pending_and_one_in_flight()
    {
        // The receiver is down: the first events wait as pending deliveries, tried and refused.
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url();
        await receiver.StopAsync();
        var subscription = await fixture.RegisterAsync(url, [nameof(PairingEstablished), nameof(PairingEnded)]);
        var id = subscription.GetProperty("id").GetGuid();
        var secret = subscription.GetProperty("secret").GetString()!;
        var before = new IntegrationEvent[]
        {
            WebhooksServiceFixture.Sample<PairingEstablished>(), WebhooksServiceFixture.Sample<PairingEnded>(),
            WebhooksServiceFixture.Sample<PairingEstablished>(),
        };
        foreach (var evt in before) await fixture.PublishAsync(evt);
        await fixture.UntilDeliveriesAsync(id, "pending", before.Length);

        // It comes back, but hangs on the first delivery: the service is stopped with that attempt in flight ...
        receiver.Answer = WebhookReceiver.Hang;
        await receiver.StartAgainAsync();
        await receiver.UntilReceivedAsync(1);
        // ... and more events come while it is down: they wait in its queue on the broker.
        var whileDown = new IntegrationEvent[]
        {
            WebhooksServiceFixture.Sample<PairingEnded>(), WebhooksServiceFixture.Sample<PairingEstablished>(),
        };
        await fixture.RestartAsync(whileStopped: async () =>
        {
            await fixture.PublishWithoutTheServiceAsync(whileDown);
            receiver.Answer = 200;
        });

        var published = before.Concat(whileDown).ToList();
        await fixture.UntilDeliveriesAsync(id, "delivered", published.Count);
        // Each event accepted once, in the order published, each signed with the secret kept across the restart.
        Assert.Equal(published.Select(e => e.EventId), receiver.Accepted.Select(r => r.EventId));
        Assert.All(receiver.Accepted, r => Assert.Equal(Contracts.Webhooks.WebhookVerdict.Valid, r.Verdict(secret)));
        Assert.Equal(published.Count, (await fixture.DeliveriesAsync(id)).Count);
        await fixture.CloseAsync(id);
    }
}
