using System.Diagnostics;

namespace Civility.Bench;

/// <summary>
/// One benchmark of the set: the name <c>--only</c> knows it by, the heading it runs under, and its body, which
/// measures through the context and adds its rows to the report.
/// </summary>
/// <param name="IsTimedStep">
/// A timed step prints a heading and its duration, and a failure leaves a "not measured" line while the set goes
/// on. Memory only reads <c>/proc</c> once the loads are done, so it runs bare and a failure there ends the run.
/// </param>
internal sealed record Benchmark(string Name, string Title, Func<BenchContext, Task> Body, bool IsTimedStep = true)
{
    /// <summary>In the order they run: memory last, as it reports the peaks of the loads before it.</summary>
    public static IReadOnlyList<Benchmark> All { get; } =
    [
        new("gateway", "Gateway overhead", GatewayOverhead.RunAsync),
        new("import", "Hours import and targets report", HoursImport.RunAsync),
        new("credit", "Public credit query", PublicCreditQuery.RunAsync),
        new("portal", "Portal pages", PortalPages.RunAsync),
        new("events", "Event pipeline", EventPipeline.RunAsync),
        new("votes", "Votes", Votes.RunAsync),
        new("replicas", "Two replicas", TwoReplicas.RunAsync),
        new("memory", "Memory", Memory.RunAsync, IsTimedStep: false),
    ];

    public async Task RunAsync(BenchContext context)
    {
        if (!IsTimedStep)
        {
            await Body(context);
            return;
        }
        Console.WriteLine($"== {Title}");
        var clock = Stopwatch.StartNew();
        try
        {
            await Body(context);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{Title} failed: {e}");
            context.Report.Missing(Title, $"failed in this run: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        Console.WriteLine($"   ({clock.Elapsed.TotalSeconds:F0} s)");
    }
}
