namespace Civility.VillagePairing.Domain;

/// <summary>
/// What the volunteer service told us about a unit, per year: its staff headcount, the staff registered as
/// volunteers, and the approved service hours. The inputs of the registration rate and per-capita hours.
/// </summary>
public sealed class UnitYearStats
{
    private UnitYearStats() { }

    public UnitYearStats(string unitCode, int year)
    {
        UnitCode = unitCode;
        Year = year;
    }

    public string UnitCode { get; private set; } = "";

    public int Year { get; private set; }

    public int Headcount { get; private set; }

    public decimal ApprovedHours { get; private set; }

    public void SetHeadcount(int headcount) => Headcount = headcount;

    public void AddHours(decimal hours) => ApprovedHours += hours;
}

/// <summary>A volunteer we heard of, so that registrations are counted per unit without counting one twice.</summary>
public sealed class KnownVolunteer
{
    private KnownVolunteer() { }

    public KnownVolunteer(Guid volunteerId, string unitCode, bool isStaff, DateTimeOffset registeredAt)
    {
        VolunteerId = volunteerId;
        UnitCode = unitCode;
        IsStaff = isStaff;
        RegisteredAt = registeredAt;
    }

    public Guid VolunteerId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public bool IsStaff { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }
}
