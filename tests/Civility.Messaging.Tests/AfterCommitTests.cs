using Civility.Data;
using Civility.Messaging.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.Messaging.Tests;

/// <summary>
/// The after-commit hook on pooled contexts (one interceptor for all of them): it fires after a committed save, only
/// after the commit of an explicit transaction, never for a rollback, and once per commit under concurrent saves.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class AfterCommitTests(LocalServers servers)
{
    private sealed class CountingHook : AfterCommitInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override bool Concerns(DbContext context) =>
            context.ChangeTracker.Entries<Change>().Any(e => e.State == EntityState.Added && e.Entity.Note != "ignored");

        protected override Task OnCommittedAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private static async Task<(ServiceProvider Services, CountingHook Hook)> PooledContextsAsync(string database)
    {
        var hook = new CountingHook();
        return (await PooledContexts.StartAsync(database, hook), hook);
    }

    [Fact]
    public async Task Fires_after_a_committed_save_and_only_after_an_explicit_commit_never_for_a_rollback()
    {
        var (services, hook) = await PooledContextsAsync(await servers.CreateDatabaseAsync());
        await using var _ = services;

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            db.Changes.Add(new Change { Note = "own transaction" });
            await db.SaveChangesAsync();
            Assert.Equal(1, hook.Count);

            db.Changes.Add(new Change { Note = "ignored" });
            await db.SaveChangesAsync();
            Assert.Equal(1, hook.Count);

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Changes.Add(new Change { Note = "committed later" });
                await db.SaveChangesAsync();
                Assert.Equal(1, hook.Count);
                await transaction.CommitAsync();
            }
            Assert.Equal(2, hook.Count);

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Changes.Add(new Change { Note = "rolled back" });
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }
            Assert.Equal(2, hook.Count);
        }

        // A context back from the pool carries nothing over from the rolled-back transaction.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Changes.Add(new Change { Note = "ignored" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Assert.Equal(2, hook.Count);
    }

    [Fact]
    public async Task Concurrent_saves_on_pooled_contexts_fire_once_each()
    {
        var (services, hook) = await PooledContextsAsync(await servers.CreateDatabaseAsync());
        await using var _ = services;

        await Parallel.ForAsync(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            if (n % 2 == 0)
            {
                db.Changes.Add(new Change { Note = $"save {n}" });
                await db.SaveChangesAsync(ct);
                return;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Changes.Add(new Change { Note = $"transaction {n}" });
            await db.SaveChangesAsync(ct);
            if (n % 4 == 1) await transaction.CommitAsync(ct);
            else await transaction.RollbackAsync(ct);
        });

        Assert.Equal(100 + 50, hook.Count);
    }
}
