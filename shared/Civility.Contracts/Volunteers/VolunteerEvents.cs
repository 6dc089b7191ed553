using System.ComponentModel.DataAnnotations;

namespace Civility.Contracts.Volunteers;

// Units are named across services by their code (the bureau's short code, also the unit_id claim of a
// unit-scoped client).

/// <summary>A person was registered as a volunteer (实名注册). The ID number appears masked only.</summary>
public sealed record VolunteerRegistered(
    Guid VolunteerId, string UnitCode, string Name, string MaskedIdNumber, bool IsStaffOfUnit) : IntegrationEvent;

/// <summary>A volunteer was deactivated with a reason (nothing is deleted); their unit's registered staff drop by one.</summary>
public sealed record VolunteerDeactivated(Guid VolunteerId, string UnitCode, string Reason) : IntegrationEvent;

/// <summary>A deactivated volunteer was reactivated with a reason; their unit's registered staff rise by one again.</summary>
public sealed record VolunteerReactivated(Guid VolunteerId, string UnitCode, string Reason) : IntegrationEvent;

/// <summary>Service hours counted from now on: travel time excluded, approved by the volunteer's own unit.</summary>
/// <param name="Source">Where the hours were recorded: an activity's check-out, a pairing activity, an entry, an import.</param>
public sealed record ServiceHoursApproved(
    Guid ServiceRecordId, Guid VolunteerId, string UnitCode, decimal Hours, DateOnly ServiceDate,
    [AllowedValues("activity", "pairing-activity", "manual", "import")] string Source) : IntegrationEvent;

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

/// <summary>
/// A unit's figures for a year, as the volunteer service's targets report shows them, after any change to them (an
/// approval, a void, a registration, a deactivation or reactivation, a headcount). The volunteer service owns these
/// figures; a consumer keeps the snapshot with the highest <see cref="FiguresVersion"/> of each unit and year (versions of one
/// unit and year only grow, in the order the changes committed) and ignores older or repeated ones.
/// </summary>
/// <param name="RegisteredStaff">Active volunteers who are staff of the unit and registered before the year ended.</param>
/// <param name="StaffHours">
/// Approved hours of the unit's staff in the year: per-head hours are these over <paramref name="Headcount"/>.
/// </param>
/// <param name="OtherHours">Approved hours of the unit's volunteers who are not its staff, shown beside, not in the ratio.</param>
public sealed record UnitTargetsChanged(
    string UnitCode, int Year, long FiguresVersion, int Headcount, int RegisteredStaff, decimal StaffHours, decimal OtherHours)
    : IntegrationEvent;
