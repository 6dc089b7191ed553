using Civility.Messaging.Outbox;
using Civility.Messaging.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Civility.Messaging.Tests;

/// <summary>
/// One replica of the test service, in this process: a web app with the real database and messaging setup, its own
/// outbox relay and its consumers. Several may run at once over the same database (replicas).
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private TestService(WebApplication app) => App = app;

    public WebApplication App { get; }

    public static async Task<TestService> StartAsync(
        string databaseConnectionString, string brokerUri, string serviceName,
        Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null, IReadOnlyCollection<Type>? publishes = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:database"] = databaseConnectionString,
            ["ConnectionStrings:messaging"] = brokerUri,
            ["Messaging:ServiceName"] = serviceName,
            ["Messaging:ImmediateRetries"] = "1",
            ["Messaging:RetryIntervals:0"] = "50",
            ["Messaging:RetryIntervals:1"] = "100",
            ["Messaging:RedeliveryDelays:0"] = "00:00:00.200",
            ["Messaging:RedeliveryDelays:1"] = "00:00:00.500",
            ["Messaging:Outbox:FirstBackoff"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(Enum.Parse<LogLevel>(Environment.GetEnvironmentVariable("TEST_LOG_LEVEL") ?? "Warning"));
        builder.AddTestService(publishes);
        configure?.Invoke(builder);
        var app = builder.Build();
        map?.Invoke(app);
        await app.StartAsync();
        return new TestService(app);
    }

    public string Url => App.Urls.First();

    /// <summary>Writes <paramref name="count"/> events through the outbox, one transaction each, like real changes.</summary>
    public async Task ProduceAsync(int count, int firstSequence = 0, bool poison = false)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            db.Changes.Add(new Change { Note = $"change {firstSequence + i}" });
            db.AddIntegrationEvent(new TestEvent(firstSequence + i, poison), TimeProvider.System);
            await db.SaveChangesAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}

/// <summary>What the consumers did, read straight from the database.</summary>
public sealed class Effects(string connectionString)
{
    public async Task<(long Total, long Distinct)> CountAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"SELECT count(*), count(DISTINCT event_id) FROM {MessagingTestDbContext.Schema}.effects", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<long> UnpublishedAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"SELECT count(*) FROM {MessagingTestDbContext.Schema}.{MessagingModel.OutboxTable} WHERE published_at IS NULL", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until <paramref name="expected"/> distinct events were applied, then a little longer for strays.</summary>
    public async Task<(long Total, long Distinct)> WaitForAsync(long expected, TimeSpan deadline)
    {
        await LocalServers.WaitUntilAsync(async () => (await CountAsync()).Distinct >= expected, deadline,
            $"{expected} distinct effects (now {(await CountAsync()).Distinct})");
        await Task.Delay(500); // a duplicate would land right after the original
        return await CountAsync();
    }
}
