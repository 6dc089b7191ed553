using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Civility.Hosting.Jobs;

/// <summary>
/// A scheduled job (expiries, lapses, overdue marks) that is safe with several replicas: each run takes a
/// transaction-scoped PostgreSQL advisory lock first, so only one replica works at a time and the others skip that
/// round. The work and its outbox events commit in the lock's transaction.
/// </summary>
public abstract class SingleInstanceJob<TContext>(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
    where TContext : DbContext
{
    protected ILogger Logger => logger;

    /// <summary>How long between runs.</summary>
    protected virtual TimeSpan Interval => TimeSpan.FromMinutes(1);

    /// <summary>A stable name; its hash is the advisory lock key, shared by every replica of the service.</summary>
    protected abstract string Name { get; }

    /// <summary>Does one round of work on <paramref name="db"/>; the job saves and commits what it leaves pending.</summary>
    protected virtual Task RunOnceAsync(TContext db, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} overrides neither RunOnceAsync.");

    /// <summary>
    /// Does one round of work with the round's services: a use case resolved from <paramref name="services"/> works
    /// on the same <paramref name="db"/>, inside the round's transaction and lock.
    /// </summary>
    protected virtual Task RunOnceAsync(IServiceProvider services, TContext db, CancellationToken cancellationToken) =>
        RunOnceAsync(db, cancellationToken);

    /// <summary>
    /// Runs one round now if no other replica is running it; returns whether this call did the work. The schedule
    /// calls it; tests may too.
    /// </summary>
    public async Task<bool> TryRunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({Name}, 0)) AS \"Value\"")
                .SingleAsync(ct);
            if (!locked) return false;
            await RunOnceAsync(scope.ServiceProvider, db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TryRunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Scheduled job {Job} failed; it runs again in {Interval}", Name, Interval);
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class SingleInstanceJobRegistration
{
    /// <summary>Registers a job as one singleton that is both scheduled and reachable (tests call TryRunAsync on it).</summary>
    public static IServiceCollection AddSingleInstanceJob<TJob>(this IServiceCollection services) where TJob : class, IHostedService
    {
        services.AddSingleton<TJob>();
        services.AddHostedService(provider => provider.GetRequiredService<TJob>());
        return services;
    }
}
