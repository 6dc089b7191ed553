using Civility.CreditList.Domain.Calendar;
using Civility.Domain;

namespace Civility.CreditList.Domain;

/// <summary>The entry was listed and published (公示): it is in force against its subject from now on.</summary>
public sealed record EntryActivated(ListEntry Entry) : IDomainEvent;

/// <summary>
/// A listing in force stopped applying. <paramref name="ClosedAs"/> is taken as it closed: expired, repaired
/// (信用修复) or revoked. A proposal closed before it was ever published lifts nothing and records nothing.
/// </summary>
public sealed record EntryLifted(ListEntry Entry, EntryStatus ClosedAs) : IDomainEvent;

/// <summary>An objection (异议) was filed against the entry, which is marked until the objection is decided.</summary>
public sealed record EntryPutUnderObjection(ListEntry Entry, Objection Objection) : IDomainEvent;

/// <summary>
/// A deadline of the entry — its statement period, or an objection's (<paramref name="CaseId"/>) or a repair
/// application's decision date — was counted again on a newly loaded holiday notice.
/// </summary>
public sealed record EntryDeadlineRecounted(ListEntry Entry, Guid? CaseId, DeadlineRecount Recount) : IDomainEvent;
