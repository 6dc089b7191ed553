using Civility.Contracts;
using Civility.Domain;

namespace Civility.Webhooks.Events;

/// <summary>What this service tells others: nothing. It passes the others' events on to partner apps over HTTP.</summary>
public static class Publications
{
    public static readonly Type[] Events = [];

    public static IntegrationEvent? ToIntegrationEvent(IDomainEvent domainEvent) => null;
}
