using Civility.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Outbox;

/// <summary>Wakes the relay right after a commit, so events leave in milliseconds rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every commit before it.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Wakes the relay once a save is committed: a save inside a transaction is not visible to it before.</summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : AfterCommitInterceptor
{
    // Every committed save, not only those that add outbox rows: some writes add them with SQL of their own.
    protected override bool Concerns(DbContext context) => true;

    protected override Task OnCommittedAsync(CancellationToken cancellationToken)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
