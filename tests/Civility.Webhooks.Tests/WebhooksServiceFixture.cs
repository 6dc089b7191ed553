using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Contracts;
using Civility.Messaging.Wire;
using Civility.Webhooks.Application.Sending;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civility.Webhooks.Tests;

/// <summary>
/// Real PostgreSQL and RabbitMQ for this project, and the webhook service running on them, allowed to reach this
/// machine over plain http (the receivers are Kestrel on 127.0.0.1), with retries in fractions of a second and a
/// subscription paused after six failures in a row. Tests share the service: each registers its own subscriptions,
/// its own receiver behind them, and closes them when done.
/// </summary>
public class WebhooksServiceFixture : IAsyncLifetime
{
    /// <summary>The waits after the 1st, 2nd … failed attempt: ten of them, so a delivery is given up after its 11th attempt.</summary>
    public static readonly string[] RetryDelays =
        ["00:00:00.250", "00:00:00.500", "00:00:01", "00:00:01", "00:00:01", "00:00:01", "00:00:01", "00:00:01", "00:00:01", "00:00:01"];

    public const int PauseAfter = 6;

    public LocalServers Servers { get; } = new();

    public ServiceHost<Program> Service { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:PauseAfterConsecutiveFailures"] = PauseAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:Timeout"] = "00:00:05",
        ["Webhooks:SecretRotationOverlap"] = "00:10:00",
    }.Concat(RetryDelays.Select((delay, i) => KeyValuePair.Create($"Webhooks:RetryDelays:{i}", (string?)delay))).ToDictionary();

    /// <summary>Replaces services of the service under test (the strict fixture's name resolver).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "webhooks", Settings, ConfigureServices);
    }

    /// <summary>Stops the service (an attempt in flight is cut short) and starts it again on the same database.</summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        var database = Service.DatabaseConnectionString;
        await Service.DisposeAsync();
        // MassTransit logs through a context that flows with the caller: it still holds the stopped service's loggers,
        // which are disposed. Cleared, each bus takes its own host's.
        LogContext.Current = null;
        if (whileStopped is not null) await whileStopped();
        Service = ServiceHost<Program>.StartOn(database, Servers, "webhooks", Settings, ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
    }

    public HttpClient Admin() => Service.ClientFor("test-admin", null, "admin");

    /// <summary>A partner app's client: reads webhooks (its own), nothing else.</summary>
    public HttpClient Partner(string clientId) => Service.ClientFor(clientId, null, "webhooks.read");

    /// <summary>
    /// Publishes an event on the broker as its service would (message id = event id); the webhook service consumes it from there.
    /// </summary>
    public Task PublishAsync(IntegrationEvent evt) =>
        Service.Services.GetRequiredService<IBus>().Publish(evt, evt.GetType(), context => context.MessageId = evt.EventId);

    /// <summary>Publishes through a bus of the test's own, for when the service is not running.</summary>
    public async Task PublishWithoutTheServiceAsync(IEnumerable<IntegrationEvent> events)
    {
        // No logs from the test's own bus (see RestartAsync).
        LogContext.ConfigureCurrentLogContext(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(Servers.BrokerUri));
            rabbit.UseCivilityWireFormat();
        });
        await bus.StartAsync();
        try
        {
            foreach (var evt in events) await bus.Publish(evt, evt.GetType(), context => context.MessageId = evt.EventId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>A fresh sample of an event type, every field filled.</summary>
    public static IntegrationEvent Sample<T>() where T : IntegrationEvent => SampleEvents.Create(typeof(T));

    /// <summary>Registers a subscription as the admin; the body is the JSON of the answer (with <c>secret</c> when one was made).</summary>
    public async Task<JsonElement> RegisterAsync(string targetUrl, IEnumerable<string> eventTypes, string? secret = null,
        string owner = "publicity-app")
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/webhooks/subscriptions",
            new { ownerClientId = owner, targetUrl, eventTypes = eventTypes.ToArray(), description = "test", secret });
        return await Http.ReadAsync(response, HttpStatusCode.Created);
    }

    public async Task<JsonElement> SubscriptionAsync(Guid id)
    {
        using var admin = Admin();
        using var response = await admin.GetAsync($"/api/webhooks/subscriptions/{id}");
        return await Http.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A subscription's deliveries as its log lists them, oldest first.</summary>
    public async Task<List<JsonElement>> DeliveriesAsync(Guid subscriptionId, string? status = null)
    {
        using var admin = Admin();
        using var response = await admin.GetAsync($"/api/webhooks/subscriptions/{subscriptionId}/deliveries?pageSize=200"
            + (status is null ? "" : $"&status={status}"));
        var page = await Http.ReadAsync(response, HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray().Reverse()];
    }

    /// <summary>Waits until <paramref name="count"/> deliveries of the subscription have the status.</summary>
    public Task<List<JsonElement>> UntilDeliveriesAsync(Guid subscriptionId, string status, int count, TimeSpan? deadline = null) =>
        Polling.UntilAsync(async () => await DeliveriesAsync(subscriptionId, status) is { } found && found.Count >= count ? found : null,
            deadline ?? TimeSpan.FromSeconds(60), $"{count} {status} deliveries of subscription {subscriptionId}");

    /// <summary>Ends a test's subscription, so that later tests' events are not queued for it.</summary>
    public async Task CloseAsync(Guid id)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/close", new { reason = "test over" });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"close: {response.StatusCode}");
    }
}

[CollectionDefinition(Name)]
public sealed class WebhooksCollection : ICollectionFixture<WebhooksServiceFixture>
{
    public const string Name = "Webhook service";
}

/// <summary>
/// The webhook service as production runs it, on servers of its own: private targets refused (plain http still
/// allowed, for the receiver on this machine), an allow-list of hosts, and a name resolver the tests control, to
/// play names that resolve to private addresses, and one that changes its answer after registration (DNS rebinding).
/// </summary>
public sealed class StrictWebhooksFixture : WebhooksServiceFixture
{
    public FakeResolver Names { get; } = new();

    public static readonly string[] AllowedHosts =
        ["*.partner.test", "localhost", "127.0.0.1", "10.0.0.7", "169.254.169.254", "100.64.0.1", "::1", "fd00::1"];

    protected override IReadOnlyDictionary<string, string?> Settings => base.Settings
        .Where(s => s.Key != "Webhooks:AllowPrivateTargets")
        .Append(KeyValuePair.Create("Webhooks:AllowPrivateTargets", (string?)"false"))
        .Concat(AllowedHosts.Select((host, i) => KeyValuePair.Create($"Webhooks:AllowedHosts:{i}", (string?)host)))
        .ToDictionary();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IHostResolver>();
        services.AddSingleton<IHostResolver>(Names);
    }
}

[CollectionDefinition(Name)]
public sealed class StrictWebhooksCollection : ICollectionFixture<StrictWebhooksFixture>
{
    public const string Name = "Webhook service refusing private targets";
}

/// <summary>Names and their addresses as the tests set them; any other name does not resolve.</summary>
public sealed class FakeResolver : IHostResolver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string host, params string[] addresses) => _names[host] = [.. addresses.Select(IPAddress.Parse)];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
}

public static class Wait
{
    /// <summary>Polls until <paramref name="probe"/> finds a JSON object (a subscription, a delivery).</summary>
    public static async Task<JsonElement> ForAsync(Func<Task<JsonElement>> probe, TimeSpan deadline, string what) =>
        (JsonElement)await Polling.UntilAsync(async () => await probe() is { ValueKind: JsonValueKind.Object } found ? (object)found : null,
            deadline, what);
}

public static class Http
{
    /// <summary>Reads a JSON body after checking the status, showing the body when the status is wrong.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
