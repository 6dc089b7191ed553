using Civility.Domain;

namespace Civility.MoralModels.Domain;

/// <summary>A nominee entered a round (a duplicate merged as a supporter is no new nomination, and records nothing).</summary>
public sealed record NominationSubmitted(Nomination Nomination) : IDomainEvent;

/// <summary>The publicity window (公示) opened: anyone may object until <paramref name="End"/>.</summary>
public sealed record NominationPublicized(Nomination Nomination, DateTimeOffset Start, DateTimeOffset End) : IDomainEvent;

/// <summary>The workflow stopped, by an objection or a credit listing, with the reason others are told.</summary>
public sealed record NominationSuspended(Nomination Nomination, string Reason) : IDomainEvent;

public sealed record ModelSelected(Nomination Nomination) : IDomainEvent;

/// <summary>The model was honoured by the commendation (表彰) named <paramref name="Commendation"/>.</summary>
public sealed record ModelCommended(Nomination Nomination, string Commendation) : IDomainEvent;

/// <summary>A suspended nomination took up its workflow again where it stopped.</summary>
public sealed record NominationResumed(Nomination Nomination, string Reason) : IDomainEvent;

/// <summary>The nomination was rejected, with the written reason (an upheld objection, or the review).</summary>
public sealed record NominationRejected(Nomination Nomination, string Reason) : IDomainEvent;

/// <summary>
/// A commended model left the public boards: the honour revoked (<paramref name="Revoked"/>), or the model taken off
/// the boards by a black-listing while an admin decides.
/// </summary>
public sealed record HonourWithdrawn(Nomination Nomination, string Reason, bool Revoked) : IDomainEvent;

/// <summary>A model taken off the boards was put back on them by an admin.</summary>
public sealed record HonourRestored(Nomination Nomination, string Reason) : IDomainEvent;
