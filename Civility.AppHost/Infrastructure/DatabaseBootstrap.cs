using Microsoft.Extensions.Logging;
using Npgsql;

namespace Civility.AppHost.Infrastructure;

/// <summary>
/// Creates the <c>civility</c> database and, per service, a login role that owns that service's schema and nothing
/// else. Runs as the superuser when the server is first ready, before any service starts (services wait for the
/// server, and waiting includes its ready handlers). Idempotent: it runs on every start and re-applies passwords.
/// </summary>
internal sealed class DatabaseBootstrap
{
    public const string DatabaseName = "civility";

    private readonly List<(string Role, string Schema, ParameterResource Password)> _roles = [];

    public void AddServiceRole(string role, string schema, ParameterResource password) => _roles.Add((role, schema, password));

    public async Task RunAsync(string superuserConnectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = DatabaseName } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await Execute(connection, $"CREATE DATABASE {DatabaseName} ENCODING 'UTF8'", cancellationToken);
                logger.LogInformation("Created database {Database}", DatabaseName);
            }
        }

        server.Database = DatabaseName;
        await using var civility = new NpgsqlConnection(server.ConnectionString);
        await civility.OpenAsync(cancellationToken);
        // Nobody gets anything by default: each service role is granted exactly its own schema below.
        await Execute(
            civility, $"REVOKE ALL ON DATABASE {DatabaseName} FROM PUBLIC; REVOKE ALL ON SCHEMA public FROM PUBLIC", cancellationToken);
        foreach (var (role, schema, passwordParameter) in _roles)
        {
            var password = await passwordParameter.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Parameter {passwordParameter.Name} has no value.");
            await Execute(civility, $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN; END IF;
                END $$;
                ALTER ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '{password.Replace("'", "''")}';
                ALTER ROLE {role} SET search_path = {schema};
                GRANT CONNECT, TEMPORARY ON DATABASE {DatabaseName} TO {role};
                CREATE SCHEMA IF NOT EXISTS {schema} AUTHORIZATION {role};
                """, cancellationToken);
        }
        logger.LogInformation("Database roles ready: {Roles}", string.Join(", ", _roles.Select(r => r.Role)));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
