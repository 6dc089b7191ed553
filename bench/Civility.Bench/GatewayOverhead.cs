namespace Civility.Bench;

/// <summary>A cheap authenticated GET through the gateway and straight to the service, in alternating rounds.</summary>
internal static class GatewayOverhead
{
    public static async Task RunAsync(BenchContext context)
    {
        var (workers, loadSeconds) = (context.Options.Workers, context.Options.LoadSeconds);
        using var direct = Load.Client(context.VolunteersUri, context.AdminToken, workers);
        Func<int, HttpRequestMessage> units = _ => new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/units");
        // Warm both paths (JIT, connection pools, token validation keys), not counted. This is the first load on a
        // freshly started stack: the gateway and the service run unoptimized code for their first tens of seconds
        // (tiered compilation), and the path through the gateway warms both of them.
        await Load.RunAsync(direct, units, workers, TimeSpan.FromSeconds(2), 100_000);
        await Load.RunAsync(context.Gateway, units, workers, TimeSpan.FromSeconds(context.Options.Quick ? 2 : 10), 1_000_000);
        var bound = TimeSpan.FromSeconds(loadSeconds);
        var (directResult, gatewayResult) = await Load.AlternatingAsync(direct, units, context.Gateway, units, workers, bound, 2_000_000);
        Console.WriteLine($"   direct  {directResult}");
        Console.WriteLine($"   gateway {gatewayResult}");
        var ratio = gatewayResult.Rps / directResult.Rps;
        context.Report.Add("Gateway overhead (RPS)", $"GET /api/volunteers/units via gateway, {workers} workers, {loadSeconds} s",
            $"{gatewayResult.Rps:F0} req/s", $"{directResult.Rps:F0} req/s direct", $"{ratio:F2}", "≥ 0.60", ratio >= 0.60);
        var p50 = gatewayResult.Percentile(50) - directResult.Percentile(50);
        context.Report.Add("Gateway overhead (latency)", "p50 / p99 under the same load",
            $"p50 {gatewayResult.Percentile(50):F2} ms, p99 {gatewayResult.Percentile(99):F2} ms",
            $"p50 {directResult.Percentile(50):F2} ms, p99 {directResult.Percentile(99):F2} ms",
            $"p50 +{p50:F2} ms", "p50 +≤ 1 ms", p50 <= 1.0);
        // The same difference with one client at a time: the proxy's own cost without queueing on the two cores.
        var (directOne, gatewayOne) = await Load.AlternatingAsync(direct, units, context.Gateway, units, 1,
            TimeSpan.FromSeconds(Math.Max(2, loadSeconds / 2)), 20_000);
        var p50One = gatewayOne.Percentile(50) - directOne.Percentile(50);
        context.Report.Add("Gateway overhead (1 client)", "p50 / p99, one request at a time",
            $"p50 {gatewayOne.Percentile(50):F2} ms, p99 {gatewayOne.Percentile(99):F2} ms",
            $"p50 {directOne.Percentile(50):F2} ms, p99 {directOne.Percentile(99):F2} ms",
            $"p50 +{p50One:F2} ms", "p50 +≤ 1 ms", p50One <= 1.0);
    }
}
