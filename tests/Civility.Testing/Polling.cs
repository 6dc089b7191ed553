using System.Diagnostics;

namespace Civility.Testing;

/// <summary>Cross-service and asynchronous steps are awaited by polling with a deadline, never by fixed sleeps.</summary>
public static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } result) return result;
            if (clock.Elapsed > deadline) throw new TimeoutException($"Gave up after {deadline}: {what}");
            await Task.Delay(100);
        }
    }
}
