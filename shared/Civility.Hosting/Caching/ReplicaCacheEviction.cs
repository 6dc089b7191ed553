using Civility.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Civility.Hosting.Caching;

/// <summary>
/// Evicts an output-cache tag on every replica of a service, not only the one that committed the change: a listing
/// lifted through one replica must stop being published by all of them at once (a lapse of the cache's lifetime
/// would publish it for seconds after its end). The replicas share the service's database, so PostgreSQL's
/// NOTIFY carries the tag to each one's LISTEN.
/// </summary>
public sealed class ReplicaCacheEviction(IOutputCacheStore cache, ReplicaCacheChannel channel, IConfiguration configuration,
    ILogger<ReplicaCacheEviction> logger) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(
        configuration.GetConnectionString(ServiceDatabaseExtensions.ConnectionName)
        ?? throw new InvalidOperationException($"ConnectionStrings:{ServiceDatabaseExtensions.ConnectionName} is not set."));

    /// <summary>Evicts the tag here, then tells the other replicas; call it once the change is committed.</summary>
    public async Task EvictEverywhereAsync(string tag, CancellationToken cancellationToken)
    {
        await cache.EvictByTagAsync(tag, cancellationToken);
        try
        {
            await using var notify = _database.CreateCommand("SELECT pg_notify($1, $2)");
            notify.Parameters.Add(new() { Value = channel.Value });
            notify.Parameters.Add(new() { Value = tag });
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // The other replicas' copies then expire with the cache's lifetime, as before this existed.
            logger.LogWarning(ex, "Could not tell the other replicas to evict {Tag}", tag);
        }
    }

    internal Task EvictHereAsync(string tag, CancellationToken cancellationToken) => cache.EvictByTagAsync(tag, cancellationToken).AsTask();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

/// <summary>The service's notification channel (one database holds every service's schema: the name is the service's own).</summary>
public sealed record ReplicaCacheChannel(string Value);

/// <summary>Listens for the service's evictions on a connection of its own, and evicts here what another replica changed.</summary>
internal sealed class ReplicaCacheListener(ReplicaCacheEviction eviction, ReplicaCacheChannel channel, IConfiguration configuration,
    IReadOnlyList<string> tags, ILogger<ReplicaCacheListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ServiceDatabaseExtensions.ConnectionName))
        {
            Pooling = false, KeepAlive = 30,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = eviction.EvictHereAsync(e.Payload, CancellationToken.None);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel.Value}\"", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever was announced while this replica was not listening is lost: start from an empty cache.
                foreach (var tag in tags) await eviction.EvictHereAsync(tag, stoppingToken);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(ex, "Lost the cache-eviction channel {Channel}; listening again shortly", channel.Value);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}

public static class ReplicaCacheEvictionRegistration
{
    /// <summary>
    /// Output-cache <paramref name="tags"/> of <paramref name="serviceName"/> evicted on every replica through
    /// <see cref="ReplicaCacheEviction.EvictEverywhereAsync"/>.
    /// </summary>
    public static IServiceCollection AddReplicaCacheEviction(this IServiceCollection services, string serviceName, params string[] tags)
    {
        var channel = new ReplicaCacheChannel($"civility_cache_{serviceName.Replace('-', '_')}");
        services.AddSingleton(channel);
        services.AddSingleton<ReplicaCacheEviction>();
        services.AddHostedService(provider => new ReplicaCacheListener(provider.GetRequiredService<ReplicaCacheEviction>(), channel,
            provider.GetRequiredService<IConfiguration>(), tags, provider.GetRequiredService<ILogger<ReplicaCacheListener>>()));
        return services;
    }
}
