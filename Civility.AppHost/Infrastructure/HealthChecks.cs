using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace Civility.AppHost.Infrastructure;

/// <summary>Ready when the server answers a query, not merely when its port accepts.</summary>
internal sealed class PostgresAnswersHealthCheck(IResourceWithConnectionString server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
            {
                Database = "postgres",
                Pooling = false,
                Timeout = 3,
            }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}

/// <summary>Ready when the broker completes an AMQP handshake with our credentials.</summary>
internal sealed class RabbitMQAnswersHealthCheck(IResourceWithConnectionString broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var uri = await broker.ConnectionStringExpression.GetValueAsync(cancellationToken);
            var factory = new ConnectionFactory { Uri = new Uri(uri!), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or System.IO.IOException
                                       or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
