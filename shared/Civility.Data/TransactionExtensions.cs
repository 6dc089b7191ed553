using Microsoft.EntityFrameworkCore;

namespace Civility.Data;

/// <summary>What a unit of work does when another writer changed a row it read (optimistic concurrency).</summary>
public enum OnConflict
{
    /// <summary>
    /// The loss reaches the caller: the shared problem handler answers 409 "read it again". Right for a decision a
    /// person made on what they saw (a state change, an edit): repeating it on other data would not be their decision.
    /// </summary>
    Refuse,

    /// <summary>
    /// The whole unit of work runs again on fresh state, up to <see cref="TransactionExtensions.MaxAttempts"/> times,
    /// then as <see cref="Refuse"/>. Right for additions that do not depend on what the other writer changed (a
    /// sign-up, an approval adding hours), where a 409 would lose a request for nothing.
    /// </summary>
    Retry,
}

/// <summary>The one place that decides how a unit of work meets a transient failure and a concurrent change.</summary>
public static class TransactionExtensions
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Runs <paramref name="work"/> — its reads, its decisions and its changes — in one transaction and saves what it
    /// left pending; again from the start if the connection fails transiently (the execution strategy's retry), and on
    /// a concurrent change as <paramref name="onConflict"/> says. What the context tracked before is dropped at each
    /// start, so <paramref name="work"/> loads everything it changes.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken = default, OnConflict onConflict = OnConflict.Refuse)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var result = await work(ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (onConflict == OnConflict.Retry && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
