using System.Diagnostics;

namespace Civility.Bench;

/// <summary>The outcome of one bounded load loop: successful requests per second and their latencies.</summary>
public sealed record LoadResult(int Ok, int Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double Rps => Ok / Elapsed.TotalSeconds;

    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);

    public override string ToString() =>
        $"{Rps:F0} req/s, p50 {Percentile(50):F2} ms, p99 {Percentile(99):F2} ms ({Ok} ok, {Failed} failed)";
}

public static class Stats
{
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

public static class Load
{
    /// <summary>
    /// <paramref name="workers"/> concurrent loops, each sending one request after the other, until
    /// <paramref name="duration"/> has passed or <paramref name="maxRequests"/> were sent (whichever comes first).
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, Func<int, HttpRequestMessage> request, int workers,
        TimeSpan duration, int maxRequests, Func<HttpResponseMessage, bool>? isOk = null)
    {
        isOk ??= r => r.IsSuccessStatusCode;
        var sent = 0;
        var failed = 0;
        var perWorker = new List<double>[workers];
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var latencies = perWorker[w] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > maxRequests) break;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request(n);
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    if (isOk(response)) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else Interlocked.Increment(ref failed);
                }
                catch (Exception) when (clock.Elapsed < duration + TimeSpan.FromSeconds(30))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;
        var all = perWorker.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, failed, elapsed, all);
    }

    /// <summary>
    /// The baseline and the measured path in four alternating rounds (A B A B), each a quarter of
    /// <paramref name="duration"/>, so that drift in the machine's load (it is shared) hits both alike.
    /// </summary>
    public static async Task<(LoadResult Baseline, LoadResult Measured)> AlternatingAsync(
        HttpClient baselineClient, Func<int, HttpRequestMessage> baseline,
        HttpClient measuredClient, Func<int, HttpRequestMessage> measured,
        int workers, TimeSpan duration, int maxRequests)
    {
        var a = new List<LoadResult>();
        var b = new List<LoadResult>();
        for (var round = 0; round < 2; round++)
        {
            a.Add(await RunAsync(baselineClient, baseline, workers, duration / 4, maxRequests / 4));
            b.Add(await RunAsync(measuredClient, measured, workers, duration / 4, maxRequests / 4));
        }
        return (Merge(a), Merge(b));
    }

    private static LoadResult Merge(List<LoadResult> results)
    {
        var all = results.SelectMany(r => r.LatenciesMs).ToArray();
        Array.Sort(all);
        return new LoadResult(results.Sum(r => r.Ok), results.Sum(r => r.Failed),
            TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)), all);
    }

    public static HttpClient Client(Uri baseAddress, string? token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, 1),
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(15) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
