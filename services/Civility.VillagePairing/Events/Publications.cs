using Civility.Contracts;
using Civility.Contracts.VillagePairing;
using Civility.Domain;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Events;

/// <summary>
/// What this service tells others, in one place: which domain events its aggregates record cross the service's
/// boundary, and as which integration event (written to the outbox by the save that records them).
/// </summary>
public static class Publications
{
    /// <summary>Every integration event this service publishes: their exchanges are declared when it starts.</summary>
    public static readonly Type[] Events =
    [
        typeof(CivilizedUnitStatusChanged), typeof(PairingEstablished), typeof(PairingEnded), typeof(PairingActivityCompleted),
    ];

    public static IntegrationEvent? ToIntegrationEvent(IDomainEvent domainEvent) => domainEvent switch
    {
        TitleStatusMoved moved => new CivilizedUnitStatusChanged(moved.Unit.Id, moved.Unit.UnitCode, moved.Unit.Name,
            moved.Unit.CreditCode, KebabName.Of(moved.From), KebabName.Of(moved.To), moved.Reason),
        PairingStarted { Pairing: var p } =>
            new PairingEstablished(p.Id, p.CivilizedUnitId, p.PlaceId, KebabName.Of(p.PlaceKind), p.From, p.Until),
        PairingClosed closed => new PairingEnded(closed.Pairing.Id, closed.Pairing.CivilizedUnitId, closed.Pairing.PlaceId, closed.Reason),
        ActivityCompleted { Activity: var a } => new PairingActivityCompleted(a.Id, a.PairingId, a.CivilizedUnitId, a.UnitCode,
            KebabName.Of(a.Category), a.Date, a.Volunteers.Select(v => new ActivityParticipant(v.VolunteerId, v.Hours)).ToList(),
            a.TotalServed),
        _ => null,
    };
}
