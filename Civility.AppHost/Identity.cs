using Civility.AppHost.Infrastructure;

namespace Civility.AppHost;

internal static class Identity
{
    /// <summary>
    /// The development clients: one admin, the credit office (信用办, the only one besides the admin with the credit
    /// list's internal views), one per unit for two units, one read-only partner, and a publicity partner app that
    /// reads its own webhook subscriptions and their delivery logs (and nothing else).
    /// </summary>
    public static readonly (string ClientId, string Scopes, string? UnitId)[] DevelopmentClients =
    [
        ("civility-admin", "admin volunteers.read volunteers.write moral.read moral.write credit.read credit.internal credit.write "
                           + "credit.export pairing.read pairing.write webhooks.read webhooks.write", null),
        ("credit-office", "credit.read credit.internal credit.write credit.export", null),
        ("unit-a", "volunteers.read volunteers.write moral.read moral.write credit.read pairing.read pairing.write", "UNIT-A"),
        ("unit-b", "volunteers.read volunteers.write moral.read moral.write credit.read pairing.read pairing.write", "UNIT-B"),
        ("partner-readonly", "volunteers.read moral.read credit.read pairing.read webhooks.read", null),
        ("publicity-app", "webhooks.read", null),
    ];

    /// <summary>
    /// Registers the development clients with secrets from Aspire parameters (<c>{client}-secret</c>, generated
    /// into the data folder unless configured), and keeps the token signing key in the data folder.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentClients(
        this IResourceBuilder<ProjectResource> identity, CivilityInfrastructure infra)
    {
        identity.WithEnvironment("Identity__KeyDirectory", Path.Combine(infra.DataDirectory, "identity"));
        foreach (var (clientId, scopes, unitId) in DevelopmentClients)
        {
            var secret = infra.Secrets.Parameter(infra.Builder, $"{clientId}-secret");
            identity.WithEnvironment($"Identity__Clients__{clientId}__Secret", secret)
                .WithEnvironment($"Identity__Clients__{clientId}__Scopes", scopes);
            if (unitId is not null) identity.WithEnvironment($"Identity__Clients__{clientId}__UnitId", unitId);
        }
        return identity;
    }
}
