using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Civility.Bench;

/// <summary>The results table, with the machine and the versions it ran on.</summary>
public sealed partial class Report
{
    private sealed record Row(
        string Benchmark, string Setup, string Measured, string Baseline, string Ratio, string Target, bool? Met, bool Skipped = false);

    private readonly List<Row> _rows = [];
    private readonly List<string> _missing = [];
    private readonly string _loadAtStart = LoadAverage();

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public void Add(string benchmark, string setup, string measured, string baseline, string ratio, string target, bool? met)
    {
        _rows.Add(new Row(benchmark, setup, measured, baseline, ratio, target, met));
        Console.WriteLine($"   -> {benchmark}: {measured} | {baseline} | {ratio} | {target} | {Status(met)}");
    }

    public void Missing(string benchmark, string why) => _missing.Add($"{benchmark}: {why}");

    /// <summary>A benchmark left out of this run (<c>--only</c>): a row in the table, so it is not read as lost.</summary>
    public void Skipped(string benchmark, string why)
    {
        _rows.Add(new Row(benchmark, why, "—", "—", "—", "—", null, Skipped: true));
        Console.WriteLine($"== {benchmark}: skipped ({why})");
    }

    private static string Status(bool? met) => met switch { true => "met", false => "**MISSED**", null => "—" };

    private static string Status(Row row) => row.Skipped ? "skipped" : Status(row.Met);

    /// <param name="limits">How the run differs from a full one (quick, only some benchmarks), or null.</param>
    public string Render(string? limits, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Civility benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(limits is null ? "" : $" ({limits})")}");
        text.AppendLine();
        text.AppendLine($"- CPU: {CpuModel()}, {Environment.ProcessorCount} cores");
        text.AppendLine($"- OS: {RuntimeInformation.OSDescription}; .NET: {RuntimeInformation.FrameworkDescription}");
        text.AppendLine($"- Packages: {PackageVersions()}");
        text.AppendLine($"- Stack: local mode (PostgreSQL and RabbitMQ as processes from the Debian packages), "
            + $"load generator in the same machine (loopback), whole run {elapsed.TotalMinutes:F1} min");
        text.AppendLine($"- Load average (1/5/15 min) of the shared machine: {_loadAtStart} at the start, {LoadAverage()} at the end");
        text.AppendLine();
        text.AppendLine("| Benchmark | Setup | Measured | Baseline (same run) | Ratio | Target | Status |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in _rows)
            text.AppendLine($"| {r.Benchmark} | {r.Setup} | {r.Measured} | {r.Baseline} | {r.Ratio} | {r.Target} | {Status(r)} |");
        if (_missing.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not measured in this run:");
            text.AppendLine();
            foreach (var m in _missing) text.AppendLine($"- {m}");
        }
        var missed = _rows.Where(r => r.Met == false).Select(r => r.Benchmark).ToList();
        text.AppendLine();
        text.AppendLine(missed.Count == 0 ? "All measured targets met." : $"MISSED: {string.Join(", ", missed)}");
        return text.ToString();
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string PackageVersions()
    {
        string[] wanted =
        [
            "Aspire.Hosting.AppHost", "Yarp.ReverseProxy", "MassTransit", "RabbitMQ.Client", "Npgsql",
            "Npgsql.EntityFrameworkCore.PostgreSQL", "OpenIddict.AspNetCore",
        ];
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var props = Path.Combine(dir.FullName, "Directory.Packages.props");
            if (!File.Exists(props)) continue;
            var versions = PackageVersion().Matches(File.ReadAllText(props)).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            return string.Join(", ", wanted.Where(versions.ContainsKey).Select(p => $"{p} {versions[p]}")) + $"; {ServerVersions()}";
        }
        return "unknown";
    }

    private static string ServerVersions()
    {
        var found = new List<string>();
        foreach (var dir in Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            found.Add($"PostgreSQL {Path.GetFileName(dir)}");
        foreach (var dir in Directory.Exists("/usr/lib/rabbitmq/lib") ? Directory.GetDirectories("/usr/lib/rabbitmq/lib") : [])
            found.Add(Path.GetFileName(dir).Replace("rabbitmq_server-", "RabbitMQ "));
        return string.Join(", ", found);
    }

    [GeneratedRegex("""<PackageVersion Include="([^"]+)" Version="([^"]+)" />""")]
    private static partial Regex PackageVersion();
}
