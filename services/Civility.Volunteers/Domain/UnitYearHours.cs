using Civility.Domain;

namespace Civility.Volunteers.Domain;

/// <summary>
/// Approved hours of a unit in a year, staff and others apart, kept by every approval and void: the targets report
/// reads these few rows instead of summing every service record. Changed only by an atomic update in the transaction
/// of the record's change (never read, added to and written back), and rebuilt from the records on demand.
/// </summary>
public sealed class UnitYearHours : AggregateRoot
{
    private UnitYearHours() { }

    /// <summary>The row of a unit-year as an update of it is about to be announced.</summary>
    public UnitYearHours(string unitCode, int year)
    {
        UnitCode = unitCode;
        Year = year;
    }

    public string UnitCode { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>Hours of the unit's staff: the numerator of hours per head (年人均).</summary>
    public decimal StaffHours { get; private set; }

    /// <summary>Hours of the unit's volunteers who are not its staff: shown beside the ratio, not in it.</summary>
    public decimal OtherHours { get; private set; }

    public decimal ApprovedHours => StaffHours + OtherHours;

    /// <summary>
    /// One more at each change of the unit's figures for the year, in commit order: the version of <c>UnitTargetsChanged</c>.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>
    /// Takes the row as the atomic update left it (locked by the update until the transaction ends) and records the
    /// unit-year's figures with the headcount and the registered staff counted under that lock.
    /// </summary>
    public void Changed(decimal staffHours, decimal otherHours, long version, int headcount, int registeredStaff)
    {
        StaffHours = staffHours;
        OtherHours = otherHours;
        Version = version;
        Record(new UnitTargetsChanged(UnitCode, Year, Version, headcount, registeredStaff, StaffHours, OtherHours));
    }
}
