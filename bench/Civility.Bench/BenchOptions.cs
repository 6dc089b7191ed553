using System.Globalization;

namespace Civility.Bench;

/// <summary>
/// The command line: <c>--quick</c> (small sizes), <c>--records N</c>, <c>--seconds S</c>, <c>--workers N</c>, and
/// <c>--only a,b</c> to run some of the benchmarks (start-up is always measured: nothing runs without the stack).
/// </summary>
internal sealed record BenchOptions(bool Quick, int Records, int LoadSeconds, int Workers, IReadOnlySet<string>? Only)
{
    /// <summary>A results file holds the whole set at full size, so that files of different days compare.</summary>
    public bool WritesResultsFile => !Quick && Only is null;

    public bool Selects(Benchmark benchmark) => Only is null || Only.Contains(benchmark.Name);

    /// <summary>How the run differs from a full one, for the console and the table's title; null for a full run.</summary>
    public string? Limits => (Quick, Only) switch
    {
        (false, null) => null,
        (true, null) => "quick smoke run, small sizes",
        (false, { } only) => $"only {string.Join(", ", only)}",
        (true, { } only) => $"quick smoke run, small sizes; only {string.Join(", ", only)}",
    };

    /// <exception cref="ArgumentException">When <c>--only</c> has no value or names no benchmark we know.</exception>
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        return new BenchOptions(
            quick,
            Records: OptionInt(args, "--records", quick ? 20_000 : 1_000_000),
            LoadSeconds: OptionInt(args, "--seconds", quick ? 4 : 16),
            Workers: OptionInt(args, "--workers", 16),
            Only: OnlyOption(args));
    }

    private static int OptionInt(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
    }

    private static IReadOnlySet<string>? OnlyOption(string[] args)
    {
        var at = Array.IndexOf(args, "--only");
        if (at < 0) return null;
        var known = Benchmark.All.Select(b => b.Name).ToArray();
        var list = at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : "";
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToArray();
        if (names.Length == 0) throw new ArgumentException($"--only needs a comma-separated list of: {string.Join(", ", known)}.");
        var unknown = names.Except(known).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException(
                $"--only: no benchmark named {string.Join(", ", unknown)}; the names are {string.Join(", ", known)}.");
        // In the order the set runs them, whatever order they were given in.
        return new SortedSet<string>(names, Comparer<string>.Create((a, b) => Array.IndexOf(known, a).CompareTo(Array.IndexOf(known, b))));
    }
}
