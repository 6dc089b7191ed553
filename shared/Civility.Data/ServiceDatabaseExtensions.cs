using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Civility.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>The connection string every service reads: its own role, on its own schema.</summary>
    public const string ConnectionName = "database";

    public const string MigrationsHistoryTable = "__ef_migrations_history";

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
        // Registered before the web server and the message bus, so it finishes before either starts.
        builder.Services.AddHostedService<MigrateOnStart<TContext>>();
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

/// <summary>Brings the schema up to date when the host starts, before the service takes traffic or messages.</summary>
internal sealed class MigrateOnStart<TContext>(IServiceProvider services) : IHostedService where TContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateDatabaseAsync<TContext>(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
