namespace Civility.Volunteers.Domain;

/// <summary>
/// Approved hours of a unit in a year, staff and others apart, kept by every approval and void: the targets report
/// reads these few rows instead of summing every service record. Changed only by an atomic update in the transaction
/// of the record's change (never read, added to and written back), and rebuilt from the records on demand.
/// </summary>
public sealed class UnitYearHours
{
    private UnitYearHours() { }

    public string UnitCode { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>Hours of the unit's staff: the numerator of hours per head (年人均).</summary>
    public decimal StaffHours { get; private set; }

    /// <summary>Hours of the unit's volunteers who are not its staff: shown beside the ratio, not in it.</summary>
    public decimal OtherHours { get; private set; }

    public decimal ApprovedHours => StaffHours + OtherHours;

    /// <summary>One more at each change of the unit's figures for the year, in commit order: the version of <c>UnitTargetsChanged</c>.</summary>
    public long Version { get; private set; }
}
