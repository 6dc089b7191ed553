using Civility.Contracts;
using Civility.Contracts.CreditList;
using Civility.CreditList.Domain;
using Civility.Domain;

namespace Civility.CreditList.Events;

/// <summary>
/// What this service tells others, in one place: which domain events its aggregates record cross the service's
/// boundary, and as which integration event (written to the outbox by the save that records them). A person appears
/// only by keyed hash and masked number.
/// </summary>
public static class Publications
{
    /// <summary>Every integration event this service publishes: their exchanges are declared when it starts.</summary>
    public static readonly Type[] Events =
    [
        typeof(SubjectBlacklisted), typeof(SubjectRedlisted), typeof(ListingLifted), typeof(ListingUnderObjection),
        typeof(ListingDeadlineRecounted),
    ];

    public static IntegrationEvent? ToIntegrationEvent(IDomainEvent domainEvent) => domainEvent switch
    {
        EntryActivated { Entry: { ListType: ListType.Black } e } => new SubjectBlacklisted(e.Id, SubjectOf(e), KebabName.Of(e.Tier!.Value),
            e.DecisionNumber, e.PublishedFrom, e.PublishedUntil),
        EntryActivated { Entry: var e } => new SubjectRedlisted(e.Id, SubjectOf(e), e.DecisionNumber, e.PublishedFrom, e.PublishedUntil),
        EntryLifted { Entry: var e } lifted =>
            new ListingLifted(e.Id, SubjectOf(e), KebabName.Of(e.ListType), KebabName.Of(lifted.ClosedAs)),
        EntryPutUnderObjection { Entry: var e, Objection: var o } =>
            new ListingUnderObjection(e.Id, SubjectOf(e), o.DecideBy) { DecideByProvisional = o.DecideByCount.Provisional },
        EntryDeadlineRecounted { Entry: var e, Recount: var r } recounted => new ListingDeadlineRecounted(e.Id, SubjectOf(e),
            KebabName.Of(r.Kind), recounted.CaseId, r.Given, r.Counted, r.Due, r.Count.Provisional, r.Count.CalendarYears),
        _ => null,
    };

    private static CreditSubjectRef SubjectOf(ListEntry entry)
    {
        var subject = entry.Subject;
        return new(subject.Id, KebabName.Of(subject.Kind), subject.Name, subject.DisplayIdentifier, subject.SubjectKeyHash);
    }
}
