using System.Text;
using System.Text.Json;
using Civility.VillagePairing.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RabbitMQ.Client;

namespace Civility.VillagePairing.Tests;

/// <summary>
/// A second replica of the service on the same database and broker, with its own jobs, outbox relay and consumers:
/// scheduled work is done once per due item and each event reaches the broker once, whichever replica does it.
/// </summary>
[Collection(PairingCollection.Name)]
public sealed class TwoReplicasTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task Two_replicas_lapse_each_due_title_once_and_publish_each_announcement_once()
    {
        await using var second = new ServiceHost<Program>("pairing", fixture.Service.DatabaseConnectionString, fixture.Servers.BrokerUri,
            configureServices: services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(fixture.Clock);
            });
        second.StartServer();

        var factory = new ConnectionFactory { Uri = new Uri(fixture.Servers.BrokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "Civility.Contracts.VillagePairing:CivilizedUnitStatusChanged", "");

        // Titles whose term ends today: lapsed from the day after, when no review was recorded.
        var codes = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var code = PairingServiceFixture.NewCode("TWIN");
            await fixture.CreateUnitAsync(code, termStart: fixture.Today.AddYears(-3).AddDays(1));
            codes.Add(code);
        }
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        // Both replicas run the lapse round again and again at once, as their schedules would.
        var jobs = new[] { fixture.Job<TitleLapseJob>(), second.Services.GetRequiredService<TitleLapseJob>() };
        for (var round = 0; round < 5; round++)
            await Task.WhenAll(jobs.Select(job => job.TryRunAsync(CancellationToken.None)));

        var announced = (await fixture.OutboxAsync("CivilizedUnitStatusChanged"))
            .Where(e => codes.Contains(e.GetProperty("unitCode").GetString()!)).ToList();
        Assert.Equal(codes.Order(), announced.Select(e => e.GetProperty("unitCode").GetString()!).Order());
        Assert.All(announced, e => Assert.Equal("lapsed", e.GetProperty("toStatus").GetString()));

        // The two outbox relays share the rows: each announcement reaches the broker once.
        var received = new List<string>();
        await Polling.UntilAsync(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
            {
                var message = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span)).RootElement.GetProperty("message");
                if (codes.Contains(message.GetProperty("unitCode").GetString()!))
                    received.Add(message.GetProperty("unitCode").GetString()!);
            }
            return received.Count >= codes.Count ? "all" : null;
        }, TimeSpan.FromSeconds(30), $"{codes.Count} announcements on the broker (got {received.Count})");
        await Task.Delay(TimeSpan.FromSeconds(2));
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } late)
            received.Add(JsonDocument.Parse(Encoding.UTF8.GetString(late.Body.Span)).RootElement
                .GetProperty("message").GetProperty("unitCode").GetString()!);
        Assert.Equal(codes.Order(), received.Where(codes.Contains).Order());
    }
}
