namespace Civility.Webhooks.Application.Deliveries;

/// <summary>
/// Wakes this replica's delivery workers when something became due (an event queued, a subscription resumed), so a
/// delivery leaves in milliseconds rather than at the next poll; other replicas find it at their next poll.
/// </summary>
public sealed class DeliverySignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns at the next <see cref="Notify"/>, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to look anyway.
        }
    }
}
