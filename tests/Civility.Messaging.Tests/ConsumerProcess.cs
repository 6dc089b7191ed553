using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Civility.Messaging.Tests;

/// <summary>
/// The test service as a separate OS process, so a test can SIGKILL it mid-stream and start it again.
/// <paramref name="settings"/> are configuration keys (<c>Messaging:RedeliveryDelays:0</c>) over the defaults.
/// </summary>
public sealed class ConsumerProcess(
    string databaseConnectionString, string brokerUri, string serviceName, IReadOnlyDictionary<string, string>? settings = null)
    : IAsyncDisposable
{
    private static readonly Lock LogLock = new();
    private Process? _process;
    private readonly int _port = FreePort();

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostAssembly());
        start.Environment["ConnectionStrings__database"] = databaseConnectionString;
        start.Environment["ConnectionStrings__messaging"] = brokerUri;
        start.Environment["Messaging__ServiceName"] = serviceName;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        _process = Process.Start(start)!;
        // TEST_CONSUMER_LOG=<file> keeps what the process writes, to see why a test failed.
        var log = Environment.GetEnvironmentVariable("TEST_CONSUMER_LOG");
        void Keep(string? line)
        {
            if (log is null || line is null) return;
            lock (LogLock) File.AppendAllText(log, line + Environment.NewLine);
        }
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // The host listens only once the bus is started and its queues are bound.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await LocalServers.WaitUntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"The consumer process exited with {_process.ExitCode}.");
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{_port}/alive")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the consumer process is up");
    }

    /// <summary>No shutdown, no acknowledgements, no flush: the process is gone at once.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _ = LocalServers.Kill(_process.Id, LocalServers.Sigkill);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _ = LocalServers.Kill(_process.Id, LocalServers.Sigterm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process?.Dispose();
    }

    /// <summary>The test host's own build output (its deps and runtime config), same configuration as the tests.</summary>
    private static string HostAssembly()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var path = testBin.Replace(
            $"{Path.DirectorySeparatorChar}Civility.Messaging.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}Civility.Messaging.TestHost{Path.DirectorySeparatorChar}");
        var assembly = Path.Combine(path, "Civility.Messaging.TestHost.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the test host first.", assembly);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
