using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>A unit-year whose kept totals differ from the sum of its approved records.</summary>
public sealed record TotalsDifference(string UnitCode, int Year, decimal KeptStaffHours, decimal StaffHours, decimal KeptOtherHours,
    decimal OtherHours);

public enum AnomalyKind { OverDailyLimit, OverlappingRecords, PendingFromAnotherUnit, SelfApprovedInBulk, TotalsDiffer }

/// <summary>One thing in a year's hours an administrator should look at.</summary>
public sealed record HoursAnomaly(AnomalyKind Kind, string UnitCode, Guid? VolunteerId, DateOnly? ServiceDate, decimal Hours, int Records,
    string Detail, IReadOnlyList<Guid> RecordIds);

/// <summary>The unit-year totals kept by every approval and void, against what the approved records add up to.</summary>
internal static class KeptTotals
{
    /// <summary>A unit's kept totals of the year (null when it has no row) and the sums of its approved records.</summary>
    public sealed record Comparison(string UnitCode, int Year, UnitYearHours? Kept, decimal Staff, decimal Other)
    {
        public TotalsDifference? Difference => Kept?.StaffHours != Staff || Kept.OtherHours != Other
            ? new TotalsDifference(UnitCode, Year, Kept?.StaffHours ?? 0, Staff, Kept?.OtherHours ?? 0, Other)
            : null;
    }

    private sealed record Sums(string UnitCode, decimal Staff, decimal Other);

    /// <summary>Every unit with kept totals or approved records in <paramref name="year"/>, by code.</summary>
    public static async Task<List<Comparison>> CompareAsync(VolunteersDbContext db, int year, CancellationToken cancellationToken)
    {
        var kept = await db.UnitYearHours.AsNoTracking().Where(h => h.Year == year).ToDictionaryAsync(h => h.UnitCode, cancellationToken);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var sums = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.Status == ServiceRecordStatus.Approved && r.ServiceDate >= from && r.ServiceDate <= to)
            .GroupBy(r => r.UnitCode)
            .Select(g => new Sums(g.Key, g.Where(r => r.CountedAsStaff == true).Sum(r => r.Hours),
                g.Where(r => r.CountedAsStaff != true).Sum(r => r.Hours)))
            .ToDictionaryAsync(s => s.UnitCode, cancellationToken);
        return [.. kept.Keys.Union(sums.Keys).Order(StringComparer.Ordinal).Select(unit =>
        {
            var sum = sums.GetValueOrDefault(unit) ?? new Sums(unit, 0, 0);
            return new Comparison(unit, year, kept.GetValueOrDefault(unit), sum.Staff, sum.Other);
        })];
    }
}
