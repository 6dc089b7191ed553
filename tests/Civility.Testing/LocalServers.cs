using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;
using Xunit;

namespace Civility.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ servers for a test project, started from the Debian packages by the same scripts
/// the app host uses, in a throwaway folder, on free loopback ports. The broker can be stopped and started again.
/// </summary>
public sealed partial class LocalServers : IAsyncLifetime
{
    private const string PostgresPassword = "test-postgres";
    public const string BrokerUser = "civility";
    public const string BrokerPassword = "test-broker";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"civility-test-{Guid.NewGuid():N}"[..26]);
    private readonly int _postgresPort = FreePort();
    private readonly (int Amqp, int Epmd, int Dist) _brokerPorts = (FreePort(), FreePort(), FreePort());
    private Process? _postgres;
    private Process? _broker;

    public string BrokerUri => $"amqp://{BrokerUser}:{BrokerPassword}@127.0.0.1:{_brokerPorts.Amqp}";

    public int BrokerPort => _brokerPorts.Amqp;

    /// <summary>The broker's ports: AMQP, its epmd, and Erlang distribution (what rabbitmqctl talks to).</summary>
    public (int Amqp, int Epmd, int Dist) BrokerPorts => _brokerPorts;

    public async Task InitializeAsync()
    {
        _postgres = StartScript("postgres.sh", ["postgres", _postgresPort.ToString()],
            new() { ["POSTGRES_PASSWORD"] = PostgresPassword, ["PG_FSYNC"] = "off" });
        await StartBrokerAsync();
        await WaitUntilAsync(() => CanQueryPostgresAsync(), TimeSpan.FromSeconds(30), "PostgreSQL accepts queries");
    }

    /// <summary>A fresh database for one test, so tests never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}"[..20];
        await using var connection = new NpgsqlConnection(ServerConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ServerConnectionString(name);
    }

    public async Task StartBrokerAsync()
    {
        _broker = StartScript("rabbitmq.sh",
            ["rabbitmq", _brokerPorts.Amqp.ToString(), _brokerPorts.Epmd.ToString(), _brokerPorts.Dist.ToString()],
            new() { ["RABBITMQ_USER"] = BrokerUser, ["RABBITMQ_PASSWORD"] = BrokerPassword });
        await WaitUntilAsync(() => Task.FromResult(PortAccepts(_brokerPorts.Amqp)), TimeSpan.FromSeconds(60),
            "RabbitMQ accepts connections");
    }

    /// <summary>Stops the broker the way an operator would (SIGTERM) and waits until it is gone.</summary>
    public async Task StopBrokerAsync()
    {
        if (_broker is null) return;
        await StopAsync(_broker);
        _broker = null;
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null) await StopAsync(_broker);
        if (_postgres is not null) await StopAsync(_postgres);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing a file: the folder is in the temp directory and will be cleaned with it.
        }
    }

    public string ServerConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Password={PostgresPassword};Database={database};Maximum Pool Size=50";

    private async Task<bool> CanQueryPostgresAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString("postgres") + ";Pooling=false");
            await connection.OpenAsync();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException)
        {
            return false;
        }
    }

    private Process StartScript(string script, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "infra", "local", script));
        start.ArgumentList.Add(Path.Combine(_root, args[0]));
        foreach (var arg in args.Skip(1)) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited) _ = Kill(process.Id, Sigterm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"Gave up after {deadline}: {what}");
            await Task.Delay(100);
        }
    }

    private static bool PortAccepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Civility.sln not found above the test binaries.");
    }

    public const int Sigterm = 15;
    public const int Sigkill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}

