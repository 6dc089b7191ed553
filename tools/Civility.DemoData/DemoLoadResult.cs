using System.Text;

namespace Civility.DemoData;

/// <summary>
/// What a load did: nothing if the data set was already there, otherwise how many things of each kind it created
/// (a load resumed after an interruption counts only what was missing).
/// </summary>
/// <param name="Phases">How long each area took (volunteers, pairing, credit, moral, and waiting for the events).</param>
/// <param name="Requests">HTTP requests sent through the gateway.</param>
public sealed record DemoLoadResult(
    bool AlreadyLoaded, bool Resumed, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Created, IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, TimeSpan> Phases, int Requests)
{
    public int TotalCreated => Created.Values.Sum();

    public string Summary()
    {
        if (AlreadyLoaded) return "Demo data already loaded: nothing to do.";
        var text = new StringBuilder();
        text.AppendLine($"Demo data {(Resumed ? "completed (an earlier load had stopped half-way)" : "loaded")} "
            + $"in {Elapsed.TotalSeconds:0.0} s: {TotalCreated} things created with {Requests} requests.");
        foreach (var group in Created.Where(c => c.Value > 0).GroupBy(c => c.Key.Split(' ')[0]))
        {
            var seconds = Phases.TryGetValue(group.Key, out var took) ? $" ({took.TotalSeconds:0.0} s)" : "";
            text.AppendLine(
                $"  {group.Key}{seconds}: {string.Join(", ", group.Select(c => $"{c.Value} {c.Key[(group.Key.Length + 1)..]}"))}");
        }
        if (Phases.TryGetValue("events", out var events))
            text.AppendLine($"  waiting for the events (star level, red-list proposals): {events.TotalSeconds:0.0} s");
        foreach (var warning in Warnings) text.AppendLine($"  warning: {warning}");
        return text.ToString().TrimEnd();
    }
}
