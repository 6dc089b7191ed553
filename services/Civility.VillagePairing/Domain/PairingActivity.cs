using Civility.Domain;

namespace Civility.VillagePairing.Domain;

public enum ActivityCategory
{
    FreeClinic, HealthEducation, PoorHouseholds, DisabledHouseholds, ElderlyHouseholds,
    NeighbourhoodWatch, StudyAid, CustomsReform, MinorsHealthEducation,
}

public enum ServedGroup { Elderly, Children, Disabled, PoorHouseholds, Other }

public enum ActivityStatus { Planned, Completed }

/// <summary>An activity of a pairing (结对共建活动). Completing it announces the volunteers' hours, once.</summary>
public sealed class PairingActivity : AggregateRoot
{
    private readonly List<ActivityVolunteer> _volunteers = [];
    private readonly List<PeopleServed> _served = [];

    private PairingActivity() { }

    public PairingActivity(Pairing pairing, ActivityCategory category, DateOnly date, string location,
        IEnumerable<ActivityVolunteer> volunteers, IEnumerable<PeopleServed> served, DateTimeOffset now)
    {
        pairing.EnsureActive();
        Id = Guid.CreateVersion7();
        PairingId = pairing.Id;
        CivilizedUnitId = pairing.CivilizedUnitId;
        UnitCode = pairing.UnitCode;
        Category = category;
        Date = date;
        Location = location;
        _volunteers.AddRange(volunteers);
        _served.AddRange(served);
        Status = ActivityStatus.Planned;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PairingId { get; private set; }

    public Guid CivilizedUnitId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public ActivityCategory Category { get; private set; }

    public DateOnly Date { get; private set; }

    public string Location { get; private set; } = "";

    public IReadOnlyList<ActivityVolunteer> Volunteers => _volunteers;

    public IReadOnlyList<PeopleServed> Served => _served;

    public ActivityStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int TotalServed => _served.Sum(s => s.Count);

    public void Complete(DateOnly today, DateTimeOffset now)
    {
        if (Status == ActivityStatus.Completed)
            throw DomainRuleException.IllegalTransition("The activity", "completed", "complete", []);
        if (Date > today)
            throw DomainRuleException.Rule("An activity cannot be completed before its date.", $"It is planned for {Date:yyyy-MM-dd}.");
        Status = ActivityStatus.Completed;
        CompletedAt = now;
        Record(new ActivityCompleted(this));
    }
}

/// <summary>A volunteer (id in the volunteer service) and the hours they served in this activity.</summary>
public sealed class ActivityVolunteer
{
    private ActivityVolunteer() { }

    public ActivityVolunteer(Guid volunteerId, decimal hours)
    {
        VolunteerId = volunteerId;
        Hours = hours;
    }

    public Guid VolunteerId { get; private set; }

    public decimal Hours { get; private set; }
}

public sealed class PeopleServed
{
    private PeopleServed() { }

    public PeopleServed(ServedGroup group, int count)
    {
        Group = group;
        Count = count;
    }

    public ServedGroup Group { get; private set; }

    public int Count { get; private set; }
}
