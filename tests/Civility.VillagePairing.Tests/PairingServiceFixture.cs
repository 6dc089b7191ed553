using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Contracts;
using Civility.Domain.Identifiers;
using Civility.Domain.Time;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Civility.VillagePairing.Tests;

/// <summary>
/// Real PostgreSQL and RabbitMQ for this project, and the village-pairing service running on them with a fake clock
/// (starting now) that tests move forward for deadlines. Tests share the service, so each one makes its own units.
/// </summary>
public class PairingServiceFixture : IAsyncLifetime
{
    public PairingServiceFixture() : this(DateTimeOffset.UtcNow) { }

    /// <summary>
    /// The same service with its clock elsewhere, for tests that must not share this one's (see <see cref="PairingAtYearEndFixture"/>).
    /// </summary>
    protected PairingServiceFixture(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public LocalServers Servers { get; } = new();

    public ServiceHost<Program> Service { get; private set; } = null!;

    public FakeTimeProvider Clock { get; }

    /// <summary>The county's date on the fake clock: the "today" of the service's rules.</summary>
    public DateOnly Today => Clock.CountyToday();

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "pairing", configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
    }

    /// <summary>
    /// A client with a long-lived token: the fake clock may be moved weeks ahead, and the token must still be valid
    /// whichever clock the token validation reads.
    /// </summary>
    public HttpClient Client(string? unitId, params string[] scopes)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create("pairing", unitId is null ? "test-admin" : $"client-{unitId}", unitId, scopes, TimeSpan.FromDays(800)));
        return client;
    }

    public HttpClient Admin() => Client(null, "admin");

    public HttpClient Unit(string unitCode) => Client(unitCode, "pairing.read", "pairing.write");

    public Task PublishAsync<T>(T evt) where T : IntegrationEvent =>
        Service.Services.GetRequiredService<IBus>().Publish(evt, ctx => ctx.MessageId = evt.EventId);

    public T Job<T>() where T : notnull => Service.Services.GetRequiredService<T>();

    /// <summary>Runs a job round now; if its scheduled round holds the lock at this instant, waits and tries again.</summary>
    public async Task RunJobAsync<T>() where T : Civility.Hosting.Jobs.SingleInstanceJob<Civility.VillagePairing.Data.PairingDbContext>
    {
        await Polling.UntilAsync(async () => await Job<T>().TryRunAsync(CancellationToken.None) ? "ran" : null,
            TimeSpan.FromSeconds(10), $"{typeof(T).Name} took its lock");
    }

    /// <summary>Bodies of the events of one type this service put in its outbox, oldest first.</summary>
    public async Task<List<JsonElement>> OutboxAsync(string eventType)
    {
        await using var connection = new NpgsqlConnection(Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM pairing.outbox_messages WHERE message_type LIKE @type ORDER BY sequence", connection);
        command.Parameters.AddWithValue("type", $"%{eventType}%");
        var bodies = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        return bodies;
    }

    // ---- making test data through the API ----

    public static string NewCode(string prefix = "U") => $"{prefix}-{Guid.NewGuid():N}"[..14].ToUpperInvariant();

    public static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first = "91" + new string(Enumerable.Range(0, 15).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return UnifiedSocialCreditCode.WithCheck(first);
    }

    public async Task<JsonElement> CreateUnitAsync(string unitCode, string? creditCode = null, DateOnly? termStart = null)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/pairing/civilized-units", new
        {
            unitCode, name = $"Hospital {unitCode}", creditCode = creditCode ?? NewCreditCode(), level = "county",
            termStart = termStart ?? Today.AddMonths(-1),
        });
        return await Http.ReadAsync(response, System.Net.HttpStatusCode.Created);
    }

    public async Task<Guid> CreatePlaceAsync(string kind)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/pairing/places",
            new { kind, name = $"{kind} {Guid.NewGuid():N}"[..20], township = "Baiyun" });
        return (await Http.ReadAsync(response, System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> PairAsync(HttpClient client, Guid unitId, Guid placeId)
    {
        using var response = await client.PostAsJsonAsync("/api/pairing/pairings", new
        {
            civilizedUnitId = unitId, placeId, from = Today.AddMonths(-1), until = Today.AddYears(2),
            goals = "Free clinics every quarter; health education for the elderly.",
            contacts = new[] { new { side = "unit", name = "Li Wei", phone = "13800000000" } },
        });
        return await Http.ReadAsync(response, System.Net.HttpStatusCode.Created);
    }
}

[CollectionDefinition(Name)]
public sealed class PairingCollection : ICollectionFixture<PairingServiceFixture>
{
    public const string Name = "Village-pairing service";
}

/// <summary>
/// The village-pairing service on servers of its own, its clock in the county's last hour of 2026, for the tests of
/// the county's midnight. They set the instant each needs first, back if need be; the shared service's tests live
/// by "now" and must never see these instants (nor their jobs these titles).
/// </summary>
public sealed class PairingAtYearEndFixture() : PairingServiceFixture(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero))
{
    /// <summary>Sets the clock to <paramref name="instant"/>, earlier than it is or later.</summary>
    public void SetNow(DateTimeOffset instant) => Clock.AdjustTime(instant);
}

[CollectionDefinition(Name)]
public sealed class PairingAtYearEndCollection : ICollectionFixture<PairingAtYearEndFixture>
{
    public const string Name = "Village-pairing service at the county's turn of the year";
}

public static class Http
{
    /// <summary>Reads a JSON body after checking the status, showing the body when the status is wrong.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
