using System.Collections.Concurrent;
using System.Diagnostics;

namespace Civility.Testing;

/// <summary>tools/Civility.PartnerSample run as a partner would run it: its own process, its output kept line by line.</summary>
public sealed class PartnerSampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private PartnerSampleProcess(Process process) => _process = process;

    public IReadOnlyCollection<string> Lines => [.. _lines];

    /// <summary>
    /// Starts the sample for <paramref name="partner"/> on <paramref name="exchanges"/> and waits until it consumes.
    /// </summary>
    public static async Task<PartnerSampleProcess> StartAsync(string brokerUri, string partner, IEnumerable<string> exchanges,
        string queue = "events")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly());
        foreach (var argument in (string[])["--partner", partner, "--queue", queue, .. exchanges]) start.ArgumentList.Add(argument);
        start.Environment["CIVILITY_BROKER_URI"] = brokerUri;
        var sample = new PartnerSampleProcess(Process.Start(start)!);
        sample._process.OutputDataReceived += (_, e) => { if (e.Data is not null) sample._lines.Enqueue(e.Data); };
        sample._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) sample._lines.Enqueue($"stderr: {e.Data}"); };
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        await sample.WaitForLineAsync(line => line.Contains(" consuming ", StringComparison.Ordinal), TimeSpan.FromSeconds(60),
            "the sample consumes");
        return sample;
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan deadline, string what)
    {
        string? found = null;
        await LocalServers.WaitUntilAsync(() =>
        {
            if (_process.HasExited && !_lines.Any(match))
                throw new InvalidOperationException($"The partner sample exited with {_process.ExitCode}:\n{string.Join('\n', _lines)}");
            found = _lines.FirstOrDefault(match);
            return Task.FromResult(found is not null);
        }, deadline, $"{what}; it printed:\n{string.Join('\n', _lines)}");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = LocalServers.Kill(_process.Id, LocalServers.Sigterm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    /// <summary>The sample's build output, in the configuration the tests were built in.</summary>
    private static string Assembly()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) dir = dir.Parent;
        // The tests run from bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(dir!.FullName, "tools", "Civility.PartnerSample", "bin", configuration, "net10.0",
            "Civility.PartnerSample.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tools/Civility.PartnerSample first.", path);
    }
}
