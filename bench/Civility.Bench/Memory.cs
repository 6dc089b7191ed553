using System.Globalization;
using Npgsql;

namespace Civility.Bench;

/// <summary>Peak resident set (VmHWM) of each process the app host started, read from <c>/proc</c> after the loads.</summary>
internal static class Memory
{
    private static readonly Dictionary<string, string> ResourceOfAssembly = new()
    {
        ["Civility.Identity"] = "identity", ["Civility.Volunteers"] = "volunteers", ["Civility.MoralModels"] = "moral-models",
        ["Civility.CreditList"] = "credit", ["Civility.VillagePairing"] = "pairing", ["Civility.Gateway"] = "gateway",
        ["Civility.Webhooks"] = "webhooks", ["Civility.Portal"] = "portal",
    };

    public static Task RunAsync(BenchContext context)
    {
        var rows = new List<string>();
        var processes = ProcessesOfThisRun(context);
        foreach (var (pid, commandLine) in processes)
        {
            var name = ResourceOfAssembly.FirstOrDefault(n => commandLine.Contains(n.Key + ".dll") || commandLine.Contains(n.Key + " ")
                        || commandLine.EndsWith(n.Key)).Value
                ?? (commandLine.Contains("postgres -D") || commandLine.StartsWith("/usr/lib/postgresql") && commandLine.Contains(" -D ")
                    ? "postgres (postmaster)"
                    : null)
                ?? (commandLine.Contains("beam.smp") ? "rabbitmq (beam.smp)" : null);
            if (name is null) continue;
            try
            {
                var status = File.ReadAllLines($"/proc/{pid}/status");
                var hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
                if (hwm is not null) rows.Add($"{name}: {long.Parse(hwm, CultureInfo.InvariantCulture) / 1024} MiB");
            }
            catch (IOException) { }
        }
        rows.Sort(StringComparer.Ordinal);
        Console.WriteLine($"   peak RSS: {string.Join(", ", rows)}");
        context.Report.Add("Memory", "peak RSS (VmHWM) per process after all the loads above", string.Join("; ", rows),
            "—", "—", "report", null);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The app host's processes are not all our descendants (the orchestrator may re-parent them): a process is ours
    /// when its command line or environment names this run's data folder, this run's PostgreSQL port or the
    /// volunteers service's address.
    /// </summary>
    private static IEnumerable<(int Pid, string CommandLine)> ProcessesOfThisRun(BenchContext context)
    {
        var dataDirectory = context.Stack.DataDirectory;
        var postgresPort = $"Port={new NpgsqlConnectionStringBuilder(context.Superuser).Port};";
        var volunteersAddress = context.VolunteersUri.Authority;
        var parents = new Dictionary<int, int>();
        var commandLines = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                commandLines[pid] = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        bool IsOurs(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent) && p > 1; p = parent)
                if (parent == Environment.ProcessId) return true;
            try
            {
                var environment = File.ReadAllText($"/proc/{pid}/environ");
                return commandLines[pid].Contains(dataDirectory, StringComparison.Ordinal)
                    || environment.Contains(dataDirectory, StringComparison.Ordinal)
                    || environment.Contains(postgresPort, StringComparison.Ordinal)
                    || environment.Contains(volunteersAddress, StringComparison.Ordinal);
            }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        }
        return commandLines.Where(p => IsOurs(p.Key)).Select(p => (p.Key, p.Value)).ToList();
    }
}
