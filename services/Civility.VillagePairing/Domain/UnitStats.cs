namespace Civility.VillagePairing.Domain;

/// <summary>
/// A unit's figures for a year as the volunteer service, which owns them, last published them
/// (<c>UnitTargetsChanged</c>): its staff headcount, the staff registered as volunteers, the staff's approved hours
/// and the other volunteers' hours. Kept, not counted here: only a snapshot with a higher version replaces it.
/// </summary>
public sealed class UnitYearStats
{
    private UnitYearStats() { }

    public string UnitCode { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>The volunteer service's version of these figures: they grow with each change, in commit order.</summary>
    public long FiguresVersion { get; private set; }

    public int Headcount { get; private set; }

    public int RegisteredStaff { get; private set; }

    public decimal StaffHours { get; private set; }

    public decimal OtherHours { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
