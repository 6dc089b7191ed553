namespace Civility.Contracts.Volunteers;

// Units are named across services by their code (the bureau's short code, also the unit_id claim of a
// unit-scoped client).

/// <summary>A person was registered as a volunteer (实名注册). The ID number appears masked only.</summary>
public sealed record VolunteerRegistered(
    Guid VolunteerId, string UnitCode, string Name, string MaskedIdNumber, bool IsStaffOfUnit) : IntegrationEvent;

public sealed record VolunteerDeactivated(Guid VolunteerId, string UnitCode, string Reason) : IntegrationEvent;

/// <summary>Service hours counted from now on: travel time excluded, approved by an organizer.</summary>
public sealed record ServiceHoursApproved(
    Guid ServiceRecordId, Guid VolunteerId, string UnitCode, decimal Hours, DateOnly ServiceDate, string Source) : IntegrationEvent;

/// <summary>A wrong approved record was voided with a reason (records are never deleted).</summary>
public sealed record ServiceRecordVoided(
    Guid ServiceRecordId, Guid VolunteerId, string UnitCode, decimal Hours, string Reason) : IntegrationEvent;

/// <summary>Approved hours crossed a star threshold (星级志愿者): 1★ 100 h … 5★ 1500 h.</summary>
public sealed record StarLevelReached(Guid VolunteerId, string UnitCode, int Stars, decimal ApprovedHours) : IntegrationEvent;

/// <summary>A unit's staff headcount for a year was set: the denominator of its registration rate and per-capita hours.</summary>
public sealed record UnitHeadcountSet(string UnitCode, string UnitName, int Year, int Headcount) : IntegrationEvent;

/// <summary>
/// A unit was registered or its name or unified social credit code changed. Other services map a unit's code to its
/// credit code with it: credit listings name organizations by credit code.
/// </summary>
public sealed record UnitDetailsChanged(string UnitCode, string UnitName, string? CreditCode) : IntegrationEvent;
