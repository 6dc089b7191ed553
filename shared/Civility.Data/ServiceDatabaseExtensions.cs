using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Civility.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>The connection string every service reads: its own role, on its own schema.</summary>
    public const string ConnectionName = "database";

    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary><c>AtStart</c> (the default: one process, or the tests) or <c>External</c> (the migration step does it).</summary>
    public const string MigrationsSetting = "Database:Migrations";

    /// <summary>
    /// Registers a service's DbContext on PostgreSQL with its schema, snake_case names, the migrations-history table
    /// inside that schema, and Aspire's health check, tracing and metrics.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string schema)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Start the service through the app host (Civility.AppHost).");
        // Pooled: a request leases a ready context instead of building options and services for a new one (see
        // bench/README.md for what that costs). Interceptors are therefore singletons (see AfterCommitInterceptor).
        builder.Services.AddDbContextPool<TContext>(options => Configure(options, ForPooledUse(connectionString), schema));
        builder.EnrichNpgsqlDbContext<TContext>();
        // Registered before the web server and the message bus, so it finishes before either starts. With several
        // replicas the migration step applies the migrations once, and each replica waits for it (Database:Migrations).
        if (builder.Configuration.GetValue(MigrationsSetting, MigrationMode.AtStart) == MigrationMode.AtStart)
            builder.Services.AddHostedService<MigrateOnStart<TContext>>();
        else
            builder.Services.AddHostedService<WaitForMigrations<TContext>>();
        return builder;
    }

    /// <summary>
    /// How a service's pooled connections are used. Statements run again and again (a vote, a page of a list) are
    /// prepared on each connection after a few runs, so PostgreSQL parses and plans them once. A connection going
    /// back to the pool is not reset: the reset Npgsql sends to keep those prepared statements (RESET ALL, UNLISTEN,
    /// unlocking advisory locks, CLOSE ALL, DISCARD …) would be parsed and run on every next use (bench/README.md:
    /// a sixth of the database's CPU per vote), while nothing here leaves session state behind (settings are SET LOCAL, advisory locks and
    /// temporary tables end with their transaction). Explicit settings in the connection string win.
    /// </summary>
    public static string ForPooledUse(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string key) => given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals(key, StringComparison.OrdinalIgnoreCase));
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("MaxAutoPrepare")) settings.MaxAutoPrepare = 100;
        if (!Given("NoResetOnClose")) settings.NoResetOnClose = true;
        return settings.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string schema) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>Applies pending migrations; a service whose schema cannot be brought up to date must not start.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IServiceProvider services, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Civility.Data.Migrations");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Schema of {Context} is up to date", typeof(TContext).Name);
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Applied {Count} migrations to {Context}: {Migrations}", pending.Count, typeof(TContext).Name, pending);
    }
}

/// <summary>Who brings a service's schema up to date.</summary>
public enum MigrationMode
{
    /// <summary>The service itself, when it starts: right for one process (and each service's tests).</summary>
    AtStart,

    /// <summary>
    /// A migration step run once per deployment (the app host's <c>migrations</c> resource, the Kubernetes Job); every
    /// replica waits until its schema is up to date, so no two processes migrate at once and none runs on an old schema.
    /// </summary>
    External,
}

/// <summary>Brings the schema up to date when the host starts, before the service takes traffic or messages.</summary>
internal sealed class MigrateOnStart<TContext>(IServiceProvider services) : IHostedService where TContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateDatabaseAsync<TContext>(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Waits, when the host starts, until the migration step has brought the schema up to date (<see cref="MigrationMode.External"/>):
/// the service takes no traffic or message before. Gives up after <c>Database:MigrationWait</c> (default 5 minutes), so
/// that a deployment whose migration step failed does not hang unnoticed: the process stops and says why.
/// </summary>
internal sealed class WaitForMigrations<TContext>(
    IServiceProvider services, IConfiguration configuration, ILogger<WaitForMigrations<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var limit = configuration.GetValue("Database:MigrationWait", TimeSpan.FromMinutes(5));
        var started = TimeProvider.System.GetTimestamp();
        TimeSpan? lastSaid = null;
        while (true)
        {
            string? state;
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    logger.LogInformation("Schema of {Context} is up to date", typeof(TContext).Name);
                    return;
                }
                state = $"{pending.Count} migrations pending ({pending[^1]} last)";
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                state = $"the database does not answer yet ({ex.Message})";
            }
            var waited = TimeProvider.System.GetElapsedTime(started);
            if (waited > limit)
                throw new InvalidOperationException(
                    $"The schema of {typeof(TContext).Name} was not brought up to date within {limit} ({state}): "
                    + "did the migration step run?");
            if (lastSaid is null || waited - lastSaid >= TimeSpan.FromSeconds(10))
            {
                logger.LogInformation("Waiting for the migration step: {State}", state);
                lastSaid = waited;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
