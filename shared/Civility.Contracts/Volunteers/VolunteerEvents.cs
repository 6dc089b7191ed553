namespace Civility.Contracts.Volunteers;

/// <summary>A person was registered as a volunteer (实名注册). The ID number appears masked only.</summary>
public sealed record VolunteerRegistered(
    Guid VolunteerId, Guid UnitId, string Name, string MaskedIdNumber, bool IsStaffOfUnit) : IntegrationEvent;

public sealed record VolunteerDeactivated(Guid VolunteerId, Guid UnitId, string Reason) : IntegrationEvent;

/// <summary>Service hours counted from now on: travel time excluded, approved by an organizer.</summary>
public sealed record ServiceHoursApproved(
    Guid ServiceRecordId, Guid VolunteerId, Guid UnitId, decimal Hours, DateOnly ServiceDate, string Source) : IntegrationEvent;

/// <summary>A wrong approved record was voided with a reason (records are never deleted).</summary>
public sealed record ServiceRecordVoided(
    Guid ServiceRecordId, Guid VolunteerId, Guid UnitId, decimal Hours, string Reason) : IntegrationEvent;

/// <summary>Approved hours crossed a star threshold (星级志愿者): 1★ 100 h … 5★ 1500 h.</summary>
public sealed record StarLevelReached(Guid VolunteerId, Guid UnitId, int Stars, decimal ApprovedHours) : IntegrationEvent;
