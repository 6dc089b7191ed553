using Npgsql;

namespace Civility.Messaging.Tests;

/// <summary>
/// One database made unreachable, as a database restart or fail-over looks to a service: its open connections are
/// cut and new ones refused (<c>ALLOW_CONNECTIONS false</c> holds for superusers too) until <see cref="EndAsync"/>.
/// The other databases on the server carry on.
/// </summary>
internal sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _database;
    private readonly string _connectionString;
    private bool _over;

    private DatabaseOutage(LocalServers servers, string connectionString)
    {
        _admin = servers.ServerConnectionString("postgres") + ";Pooling=false";
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _connectionString = connectionString;
    }

    public static async Task<DatabaseOutage> BeginAsync(LocalServers servers, string connectionString)
    {
        var outage = new DatabaseOutage(servers, connectionString);
        await outage.RunAsync($"ALTER DATABASE {outage._database} ALLOW_CONNECTIONS false");
        await outage.RunAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{outage._database}'");
        return outage;
    }

    public async Task EndAsync()
    {
        if (_over) return;
        _over = true;
        await RunAsync($"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");
        // This process's own idle connections to it were cut too: drop them rather than fail on the first use.
        await using var connection = new NpgsqlConnection(_connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public ValueTask DisposeAsync() => new(EndAsync());

    private async Task RunAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
