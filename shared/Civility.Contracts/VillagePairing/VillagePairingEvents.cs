using System.ComponentModel.DataAnnotations;

namespace Civility.Contracts.VillagePairing;

/// <summary>The statuses of a civilized unit's title, as CivilizedUnitStatusChanged names them.</summary>
internal static class TitleStatuses
{
    public const string Active = "active", Warned = "warned", UnderRectification = "under-rectification", Revoked = "revoked",
        Lapsed = "lapsed";
}

/// <summary>One volunteer's part in a completed pairing activity.</summary>
public sealed record ActivityParticipant(Guid VolunteerId, decimal Hours);

/// <summary>A pairing activity (free clinic, health education…) took place; the volunteer service records the hours.</summary>
/// <param name="PeopleServed">How many people the activity served.</param>
public sealed record PairingActivityCompleted(
    Guid ActivityId, Guid PairingId, Guid CivilizedUnitId, string UnitCode,
    [AllowedValues("free-clinic", "health-education", "poor-households", "disabled-households", "elderly-households",
        "neighbourhood-watch", "study-aid", "customs-reform", "minors-health-education")]
    string Category,
    DateOnly Date, IReadOnlyList<ActivityParticipant> Participants, int PeopleServed) : IntegrationEvent;

/// <summary>A civilized unit's title (文明单位) changed status: active, warned, under rectification, revoked, lapsed.</summary>
public sealed record CivilizedUnitStatusChanged(
    Guid CivilizedUnitId, string UnitCode, string UnitName, string? CreditCode,
    [AllowedValues(TitleStatuses.Active, TitleStatuses.Warned, TitleStatuses.UnderRectification, TitleStatuses.Revoked,
        TitleStatuses.Lapsed)]
    string FromStatus,
    [AllowedValues(TitleStatuses.Active, TitleStatuses.Warned, TitleStatuses.UnderRectification, TitleStatuses.Revoked,
        TitleStatuses.Lapsed)]
    string ToStatus,
    string Reason) : IntegrationEvent;

/// <summary>A civilized unit paired with a village or a community (双结对).</summary>
public sealed record PairingEstablished(
    Guid PairingId, Guid CivilizedUnitId, Guid PlaceId, [AllowedValues("village", "community")] string PlaceKind, DateOnly From,
    DateOnly Until) : IntegrationEvent;

/// <summary>A pairing ended with a reason; it is kept, with its ledger and activities.</summary>
public sealed record PairingEnded(Guid PairingId, Guid CivilizedUnitId, Guid PlaceId, string Reason) : IntegrationEvent;
