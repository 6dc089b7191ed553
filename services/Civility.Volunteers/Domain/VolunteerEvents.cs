using Civility.Domain;

namespace Civility.Volunteers.Domain;

/// <summary>A person was registered (实名注册); what others hear of it shows the ID number masked only.</summary>
public sealed record VolunteerRegistered(Volunteer Volunteer) : IDomainEvent;

public sealed record VolunteerDeactivated(Volunteer Volunteer, string Reason) : IDomainEvent;

public sealed record VolunteerReactivated(Volunteer Volunteer, string Reason) : IDomainEvent;

/// <param name="ApprovedHours">The total as the threshold was crossed: a bulk approval may add more before the save.</param>
public sealed record StarLevelReached(Volunteer Volunteer, int Stars, decimal ApprovedHours) : IDomainEvent;
