using Microsoft.EntityFrameworkCore;

namespace Civility.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> — its reads, its decisions and its SaveChanges — in one transaction, again from
    /// the start if the connection fails transiently (the execution strategy's retry). What the context tracked
    /// before is dropped at each start, so <paramref name="work"/> loads everything it changes.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
