namespace Civility.Contracts.CreditList;

/// <summary>Who a listing is about: an organization by unified social credit code, or a person (masked).</summary>
public sealed record CreditSubjectRef(Guid SubjectId, string Kind, string Name, string MaskedIdentifier, string? SubjectKeyHash);

/// <summary>A black-list entry became active and published (失信黑名单).</summary>
public sealed record SubjectBlacklisted(
    Guid EntryId, CreditSubjectRef Subject, string Tier, string DecisionNumber, DateOnly PublishedFrom, DateOnly PublishedUntil) : IntegrationEvent;

/// <summary>A red-list entry became active and published (守信红名单).</summary>
public sealed record SubjectRedlisted(
    Guid EntryId, CreditSubjectRef Subject, string DecisionNumber, DateOnly PublishedFrom, DateOnly PublishedUntil) : IntegrationEvent;

/// <summary>An objection (异议) was filed: the entry is marked "under objection" until decided.</summary>
public sealed record ListingUnderObjection(Guid EntryId, CreditSubjectRef Subject, DateOnly DecideBy) : IntegrationEvent
{
    /// <summary>The decision date was counted over a year whose holiday notice is not out yet (it may move later, never earlier).</summary>
    public bool DecideByProvisional { get; init; }
}

/// <summary>
/// A deadline of a listing was counted again when a year's holiday notice was loaded. Deadline: statement,
/// objection-decision or repair-decision; CaseId: the objection or repair application, none for the statement
/// period. Due is the deadline now: the later of the day given before and the day counted (never shortened).
/// </summary>
public sealed record ListingDeadlineRecounted(Guid EntryId, CreditSubjectRef Subject, string Deadline, Guid? CaseId,
    DateOnly Given, DateOnly Counted, DateOnly Due, bool Provisional, IReadOnlyList<int> CalendarYears) : IntegrationEvent;

/// <summary>A listing stopped applying: expired, repaired (信用修复) or revoked. Reason is one of those words.</summary>
public sealed record ListingLifted(Guid EntryId, CreditSubjectRef Subject, string ListType, string Reason) : IntegrationEvent;
