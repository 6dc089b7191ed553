using Civility.Contracts;
using Civility.Domain;

namespace Civility.VillagePairing.Events;

/// <summary>
/// What this service tells others, in one place: which domain events its aggregates record cross the service's
/// boundary, and as which integration event (written to the outbox by the save that records them).
/// </summary>
public static class Publications
{
    public static IntegrationEvent? ToIntegrationEvent(IDomainEvent domainEvent) => domainEvent switch
    {
        _ => null,
    };
}
