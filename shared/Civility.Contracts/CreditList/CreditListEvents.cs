using System.ComponentModel.DataAnnotations;

namespace Civility.Contracts.CreditList;

/// <summary>Who a listing is about: an organization by unified social credit code, or a person (masked).</summary>
/// <param name="Kind">An organization or a person.</param>
/// <param name="MaskedIdentifier">The unified social credit code, or the citizen ID number masked.</param>
/// <param name="SubjectKeyHash">A person's keyed identity hash (never the number), for services that must recognise them.</param>
public sealed record CreditSubjectRef(
    Guid SubjectId, [AllowedValues("organization", "person")] string Kind, string Name, string MaskedIdentifier, string? SubjectKeyHash);

/// <summary>A black-list entry became active and published (失信黑名单).</summary>
/// <param name="Tier">Severity: minor, general or serious (it sets the publication period).</param>
public sealed record SubjectBlacklisted(
    Guid EntryId, CreditSubjectRef Subject, [AllowedValues("minor", "general", "serious")] string Tier, string DecisionNumber,
    DateOnly PublishedFrom, DateOnly PublishedUntil) : IntegrationEvent;

/// <summary>A red-list entry became active and published (守信红名单).</summary>
public sealed record SubjectRedlisted(
    Guid EntryId, CreditSubjectRef Subject, string DecisionNumber, DateOnly PublishedFrom, DateOnly PublishedUntil) : IntegrationEvent;

/// <summary>An objection (异议) was filed: the entry is marked "under objection" until decided.</summary>
/// <param name="DecideBy">The day the objection must be decided by (20 working days).</param>
public sealed record ListingUnderObjection(Guid EntryId, CreditSubjectRef Subject, DateOnly DecideBy) : IntegrationEvent
{
    /// <summary>
    /// The decision date was counted over a year whose holiday notice is not out yet: it may move later, never earlier
    /// (see ListingDeadlineRecounted).
    /// </summary>
    public bool DecideByProvisional { get; init; }
}

/// <summary>
/// A deadline of a listing was counted again when a year's holiday notice was loaded; due is the later of the day
/// given and the day counted (a deadline given is never shortened).
/// </summary>
/// <param name="Deadline">Which deadline: the statement period, an objection's decision or a repair's decision.</param>
/// <param name="CaseId">The objection or repair application whose decision date it is; null for the statement period.</param>
/// <param name="Given">The deadline given before the notice was loaded.</param>
/// <param name="Counted">The deadline counted on the calendar with the new notice.</param>
/// <param name="Due">The deadline now: the later of given and counted.</param>
/// <param name="Provisional">The count still crossed a year whose notice is not out yet.</param>
/// <param name="CalendarYears">The calendar years the count went through.</param>
public sealed record ListingDeadlineRecounted(
    Guid EntryId, CreditSubjectRef Subject, [AllowedValues("statement", "objection-decision", "repair-decision")] string Deadline,
    Guid? CaseId, DateOnly Given, DateOnly Counted, DateOnly Due, bool Provisional, IReadOnlyList<int> CalendarYears) : IntegrationEvent;

/// <summary>A listing stopped applying: expired, repaired (信用修复) or revoked; it is no longer published anywhere.</summary>
/// <param name="ListType">The red or the black list.</param>
/// <param name="Reason">Why it stopped applying.</param>
public sealed record ListingLifted(
    Guid EntryId, CreditSubjectRef Subject, [AllowedValues("red", "black")] string ListType,
    [AllowedValues("expired", "repaired", "revoked")] string Reason) : IntegrationEvent;
