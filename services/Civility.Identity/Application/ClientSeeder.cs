using System.Text.Json;
using Civility.Identity.Data;
using Civility.Identity.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Civility.Identity.Application;

/// <summary>
/// Brings the registered clients in line with configuration (<c>Identity:Clients</c>) when the service starts, after
/// its schema is migrated: creates missing ones, and re-applies the secret (stored hashed by OpenIddict), scopes and
/// unit of existing ones.
/// </summary>
public sealed class ClientSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = configuration.GetSection("Identity:Clients").Get<Dictionary<string, ClientRegistration>>() ?? [];
        await using var scope = scopes.CreateAsyncScope();
        // Replicas starting together would create the same client twice, or update one under the other's feet: one
        // seeds at a time, under a PostgreSQL advisory lock held on a connection of its own.
        var connectionString = scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.GetConnectionString();
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand(
            "SELECT pg_advisory_lock(hashtextextended('identity-client-seeding', 0))", lockConnection))
            await take.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await SeedAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), clients, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand(
                "SELECT pg_advisory_unlock(hashtextextended('identity-client-seeding', 0))", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public const string UnitProperty = "unit_id";

    private async Task SeedAsync(
        IOpenIddictApplicationManager applications, IReadOnlyDictionary<string, ClientRegistration> clients,
        CancellationToken cancellationToken)
    {
        foreach (var (clientId, registration) in clients)
        {
            if (string.IsNullOrWhiteSpace(registration.Secret))
            {
                logger.LogWarning("Client {ClientId} has no secret configured; skipped", clientId);
                continue;
            }
            var unknown = registration.ScopeList.Except(CivilityScopes.All).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException($"Client {clientId} asks for unknown scopes: {string.Join(", ", unknown)}");

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = registration.Secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = registration.DisplayName ?? clientId,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in registration.ScopeList) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            if (!string.IsNullOrWhiteSpace(registration.UnitId))
                descriptor.Properties[UnitProperty] = JsonSerializer.SerializeToElement(registration.UnitId);

            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            else
                await applications.CreateAsync(descriptor, cancellationToken);
            logger.LogInformation("Client {ClientId} registered with scopes {Scopes}{Unit}", clientId, registration.Scopes,
                registration.UnitId is null ? "" : $" for unit {registration.UnitId}");
        }
    }
}
