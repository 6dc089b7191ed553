using Civility.Domain;

namespace Civility.VillagePairing.Domain;

/// <summary>A title's status moved (a renewal keeps it, and records nothing).</summary>
public sealed record TitleStatusMoved(CivilizedUnit Unit, TitleStatus From, TitleStatus To, string Reason) : IDomainEvent;

public sealed record PairingStarted(Pairing Pairing) : IDomainEvent;

public sealed record PairingClosed(Pairing Pairing, string Reason) : IDomainEvent;

/// <summary>An activity was completed: its volunteers' hours are now due to them.</summary>
public sealed record ActivityCompleted(PairingActivity Activity) : IDomainEvent;
