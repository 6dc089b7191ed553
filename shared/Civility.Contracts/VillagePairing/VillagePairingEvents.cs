namespace Civility.Contracts.VillagePairing;

/// <summary>One volunteer's part in a completed pairing activity.</summary>
public sealed record ActivityParticipant(Guid VolunteerId, decimal Hours);

/// <summary>A pairing activity (free clinic, health education…) took place; the volunteer service records the hours.</summary>
public sealed record PairingActivityCompleted(
    Guid ActivityId, Guid PairingId, Guid CivilizedUnitId, string UnitCode, string Category, DateOnly Date,
    IReadOnlyList<ActivityParticipant> Participants, int PeopleServed) : IntegrationEvent;

/// <summary>A civilized unit's title (文明单位) changed status: active, warned, under rectification, revoked, lapsed.</summary>
public sealed record CivilizedUnitStatusChanged(
    Guid CivilizedUnitId, string UnitCode, string UnitName, string? CreditCode, string FromStatus, string ToStatus, string Reason) : IntegrationEvent;

/// <summary>A civilized unit paired with a village or a community (双结对).</summary>
public sealed record PairingEstablished(
    Guid PairingId, Guid CivilizedUnitId, Guid PlaceId, string PlaceKind, DateOnly From, DateOnly Until) : IntegrationEvent;

public sealed record PairingEnded(Guid PairingId, Guid CivilizedUnitId, Guid PlaceId, string Reason) : IntegrationEvent;
