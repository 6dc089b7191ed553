namespace Civility.Bench;

/// <summary>
/// The event pipeline and the votes on the running stack (one replica of each project), then on a second stack with
/// two replicas of each, started in the same run: the rates side by side, and the double counts of the second
/// (counted in the tables: pings applied twice, votes tallied beyond those accepted).
/// </summary>
internal static class TwoReplicas
{
    public static async Task RunAsync(BenchContext context)
    {
        var (oneEvents, oneVotes) = await MeasureAsync(context);
        Console.WriteLine($"   one replica: {oneEvents.Rate:F0} ev/s, {oneVotes.Rps:F0} votes/s");

        await using var stack = await BenchStack.StartAsync(replicas: 2);
        Console.WriteLine($"   two replicas started in {stack.StartUp.TotalSeconds:F1} s ({stack.StartUpDetail})");
        using var twoContext = await BenchContext.CreateAsync(context.Options, context.Report, stack);
        var (twoEvents, twoVotes) = await MeasureAsync(twoContext);
        Console.WriteLine($"   two replicas: {twoEvents.Rate:F0} ev/s, {twoVotes.Rps:F0} votes/s");

        var eventRatio = twoEvents.Rate / oneEvents.Rate;
        context.Report.Add("Event pipeline, two replicas",
            $"the sustained event pipeline (above) on a stack with two replicas of every project, "
            + $"after the same on one replica in this run",
            $"{twoEvents.Rate:F0} ev/s ({twoEvents.Sent:N0} pings; applied twice: {twoEvents.Duplicates})",
            $"{oneEvents.Rate:F0} ev/s with one replica",
            $"{eventRatio:F2}", "≥ 1.0, 0 applied twice", eventRatio >= 1.0 && twoEvents.Duplicates == 0);
        var voteRatio = twoVotes.Rps / oneVotes.Rps;
        context.Report.Add("Votes, two replicas", $"the votes (above) on a stack with two replicas of every project: {twoVotes.Check}",
            $"{twoVotes.Rps:F0} votes/s", $"{oneVotes.Rps:F0} votes/s with one replica", $"{voteRatio:F2}", "≥ 1.0, 0 double counts",
            voteRatio >= 1.0 && twoVotes.Doubles == 0 && twoVotes.RepeatsAccepted == 0);
    }

    /// <summary>
    /// Each figure on its second round: the first, not counted, warms both stacks alike. Without it the stack started
    /// last was measured while its processes still compiled their hot paths (tiered compilation, twice as many
    /// processes on the same cores), against a stack that had run the other benchmarks first.
    /// </summary>
    private static async Task<((double Rate, int Sent, long Duplicates) Events, Votes.VoteRun Votes)> MeasureAsync(
        BenchContext context)
    {
        await EventPipeline.SustainedAsync(context);
        var events = await EventPipeline.SustainedAsync(context);
        await Votes.MeasureAsync(context);
        return (events, await Votes.MeasureAsync(context));
    }
}
