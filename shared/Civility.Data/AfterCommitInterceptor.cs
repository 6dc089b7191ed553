using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Civility.Data;

/// <summary>
/// Does something once a save that concerns it is committed, never before (a reader in between would see the old
/// state): right after the save when the save was its own transaction, after the commit when it ran inside an
/// explicit one, and not at all when that transaction rolls back.
/// </summary>
/// <remarks>
/// Contexts are pooled, so an interceptor is a singleton shared by every context at once: what is pending lives
/// beside the context or transaction it belongs to, never in a field.
/// </remarks>
public abstract class AfterCommitInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _pendingSaves = new();
    private readonly ConditionalWeakTable<DbTransaction, object> _pendingTransactions = new();

    /// <summary>Whether the changes about to be saved matter here; asked before the save, while they are still tracked.</summary>
    protected abstract bool Concerns(DbContext context);

    protected abstract Task OnCommittedAsync(CancellationToken cancellationToken);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pendingSaves.Remove(context)) await OnCommittedAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pendingSaves.Remove(context)) OnCommittedAsync(default).GetAwaiter().GetResult();
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _pendingSaves.Remove(context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _pendingSaves.Remove(context);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _pendingSaves.Remove(context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is { } context) _pendingSaves.Remove(context);
    }

    public async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_pendingTransactions.Remove(transaction)) await OnCommittedAsync(cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pendingTransactions.Remove(transaction)) OnCommittedAsync(default).GetAwaiter().GetResult();
    }

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pendingTransactions.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        _pendingTransactions.Remove(transaction);

    private void Remember(DbContext? context)
    {
        if (context is null || !Concerns(context)) return;
        if (context.Database.CurrentTransaction is { } transaction)
            _pendingTransactions.AddOrUpdate(transaction.GetDbTransaction(), Pending);
        else
            _pendingSaves.AddOrUpdate(context, Pending);
    }
}
