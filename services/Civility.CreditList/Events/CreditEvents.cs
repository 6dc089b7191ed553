using Civility.Contracts.CreditList;
using Civility.CreditList.Domain;
using Civility.CreditList.Domain.Calendar;
using Civility.Hosting.Http;
using Civility.Domain;

namespace Civility.CreditList.Events;

/// <summary>Builds the integration events; a person appears only by keyed hash and masked number.</summary>
public static class CreditEvents
{
    public static CreditSubjectRef Ref(CreditSubject subject) => new(
        subject.Id, KebabName.Of(subject.Kind.ToString()), subject.Name, subject.DisplayIdentifier, subject.SubjectKeyHash);

    public static Contracts.IntegrationEvent Activated(ListEntry entry, CreditSubject subject, DateTimeOffset now) => entry.ListType switch
    {
        ListType.Black => new SubjectBlacklisted(entry.Id, Ref(subject), KebabName.Of(entry.Tier!.Value.ToString()),
            entry.DecisionNumber, entry.PublishedFrom, entry.PublishedUntil) { OccurredAt = now },
        _ => new SubjectRedlisted(entry.Id, Ref(subject), entry.DecisionNumber, entry.PublishedFrom, entry.PublishedUntil) { OccurredAt = now },
    };

    /// <summary>Reason: expired, repaired or revoked.</summary>
    public static ListingLifted Lifted(ListEntry entry, CreditSubject subject, DateTimeOffset now) =>
        new(entry.Id, Ref(subject), KebabName.Of(entry.ListType.ToString()), KebabName.Of(entry.Status.ToString())) { OccurredAt = now };

    public static ListingUnderObjection UnderObjection(ListEntry entry, CreditSubject subject, Objection objection, DateTimeOffset now) =>
        new(entry.Id, Ref(subject), objection.DecideBy) { DecideByProvisional = objection.DecideByCount.Provisional, OccurredAt = now };

    public static ListingDeadlineRecounted DeadlineRecounted(ListEntry entry, CreditSubject subject, Guid? caseId, DeadlineRecount recount,
        DateTimeOffset now) =>
        new(entry.Id, Ref(subject), KebabName.Of(recount.Kind.ToString()), caseId, recount.Given, recount.Counted, recount.Due,
            recount.Count.Provisional, recount.Count.CalendarYears) { OccurredAt = now };
}
