using Civility.Contracts;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.MoralModels.Domain;
using Published = Civility.Contracts.MoralModels;

namespace Civility.MoralModels.Events;

/// <summary>
/// What this service tells others, in one place: which domain events its aggregates record cross the service's
/// boundary, and as which integration event (written to the outbox by the save that records them).
/// </summary>
public static class Publications
{
    /// <summary>Every integration event this service publishes: their exchanges are declared when it starts.</summary>
    public static readonly Type[] Events =
    [
        typeof(Published.NominationSubmitted), typeof(Published.NominationPublicized), typeof(Published.NominationSuspended),
        typeof(Published.ModelSelected), typeof(Published.ModelCommended), typeof(Published.NominationResumed),
        typeof(Published.NominationRejected), typeof(Published.HonourWithdrawn), typeof(Published.HonourRestored),
    ];

    public static IntegrationEvent? ToIntegrationEvent(IDomainEvent domainEvent) => domainEvent switch
    {
        NominationSubmitted { Nomination: var n } =>
            new Published.NominationSubmitted(n.Id, n.RoundId, KebabName.Of(n.Category), n.NomineeName, n.UnitCode),
        // The window is announced in county dates (公示期), as the notice on the board shows it.
        NominationPublicized { Nomination: var n } e => new Published.NominationPublicized(n.Id, n.RoundId, KebabName.Of(n.Category),
            n.NomineeName, CountyClock.CountyDate(e.Start), CountyClock.CountyDate(e.End)),
        NominationSuspended { Nomination: var n } e => new Published.NominationSuspended(n.Id, e.Reason),
        ModelSelected { Nomination: var n } => new Published.ModelSelected(n.Id, n.RoundId, KebabName.Of(n.Category), n.NomineeName),
        // The identity goes as the masked number and its keyed hash, never the number: enough for a red-list proposal.
        ModelCommended { Nomination: var n } e => new Published.ModelCommended(n.Id, KebabName.Of(n.Category), n.NomineeName,
            n.IdMasked, n.IdHash, n.UnitCode, e.Commendation),
        NominationResumed { Nomination: var n } e => new Published.NominationResumed(n.Id, KebabName.Of(n.Status), e.Reason),
        NominationRejected { Nomination: var n } e => new Published.NominationRejected(n.Id, e.Reason),
        HonourWithdrawn { Nomination: var n } e => new Published.HonourWithdrawn(n.Id, e.Reason, e.Revoked),
        HonourRestored { Nomination: var n } e => new Published.HonourRestored(n.Id, e.Reason),
        _ => null,
    };
}
