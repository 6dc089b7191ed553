using Civility.Contracts;
using Civility.Domain;
using Civility.Volunteers.Domain;
using Published = Civility.Contracts.Volunteers;

namespace Civility.Volunteers.Events;

/// <summary>
/// What this service tells others, in one place: which domain events its aggregates record cross the service's
/// boundary, and as which integration event (written to the outbox by the save that records them).
/// </summary>
public static class Publications
{
    /// <summary>Every integration event this service publishes: their exchanges are declared when it starts.</summary>
    public static readonly Type[] Events =
    [
        typeof(Published.VolunteerRegistered), typeof(Published.VolunteerDeactivated), typeof(Published.VolunteerReactivated),
        typeof(Published.StarLevelReached), typeof(Published.ServiceHoursApproved), typeof(Published.ServiceRecordVoided),
        typeof(Published.UnitDetailsChanged), typeof(Published.UnitHeadcountSet), typeof(Published.UnitTargetsChanged),
    ];

    public static IntegrationEvent? ToIntegrationEvent(IDomainEvent domainEvent) => domainEvent switch
    {
        // The ID number appears masked only.
        VolunteerRegistered { Volunteer: var v } =>
            new Published.VolunteerRegistered(v.Id, v.UnitCode, v.Name, v.MaskedIdNumber, v.IsStaffOfUnit),
        VolunteerDeactivated { Volunteer: var v } e => new Published.VolunteerDeactivated(v.Id, v.UnitCode, e.Reason),
        VolunteerReactivated { Volunteer: var v } e => new Published.VolunteerReactivated(v.Id, v.UnitCode, e.Reason),
        StarLevelReached { Volunteer: var v } e => new Published.StarLevelReached(v.Id, v.UnitCode, e.Stars, e.ApprovedHours),
        ServiceHoursApproved { Record: var r } =>
            new Published.ServiceHoursApproved(r.Id, r.VolunteerId, r.UnitCode, r.Hours, r.ServiceDate, KebabName.Of(r.Source)),
        ServiceRecordVoided { Record: var r } e => new Published.ServiceRecordVoided(r.Id, r.VolunteerId, r.UnitCode, r.Hours, e.Reason),
        UnitDetailsChanged { Unit: var u } => new Published.UnitDetailsChanged(u.Code, u.Name, u.CreditCode),
        UnitHeadcountSet { Unit: var u } e => new Published.UnitHeadcountSet(u.Code, u.Name, e.Year, e.Headcount),
        UnitTargetsChanged e => new Published.UnitTargetsChanged(e.UnitCode, e.Year, e.FiguresVersion, e.Headcount, e.RegisteredStaff,
            e.StaffHours, e.OtherHours),
        _ => null,
    };
}
