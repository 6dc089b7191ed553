using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Time;

namespace Civility.Volunteers.Data;

/// <summary>A unit-year whose kept totals differ from the sum of its approved records.</summary>
public sealed record TotalsDifference(string UnitCode, int Year, decimal KeptStaffHours, decimal StaffHours, decimal KeptOtherHours, decimal OtherHours);

public enum AnomalyKind { OverDailyLimit, OverlappingRecords, PendingFromAnotherUnit, SelfApprovedInBulk, TotalsDiffer }

/// <summary>One thing in a year's hours an administrator should look at.</summary>
public sealed record HoursAnomaly(AnomalyKind Kind, string UnitCode, Guid? VolunteerId, DateOnly? ServiceDate, decimal Hours, int Records,
    string Detail, IReadOnlyList<Guid> RecordIds);

/// <summary>
/// Checks of the year's hours against their own rules and books: what a rebuild of the totals would change, and
/// records no rule should have let through (from before the rules, or held from events and approved since).
/// </summary>
public static class HoursIntegrity
{
    /// <summary>Hours from another unit still waiting this many days for the volunteer's unit are reported.</summary>
    public const int PendingFromAnotherUnitDays = 30;

    private sealed record Sums(string UnitCode, decimal Staff, decimal Other);

    /// <summary>
    /// The unit-year totals of <paramref name="year"/> against the sum of the approved records, every unit with either;
    /// with <paramref name="correct"/>, sets the totals to the sums, each change with a new version and a snapshot.
    /// Holds the totals table against every other change until the transaction ends, so nothing slips in between.
    /// </summary>
    public static async Task<(int Units, List<TotalsDifference> Differences)> CompareTotalsAsync(this VolunteersDbContext db, int year, bool correct,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (correct) await db.Database.ExecuteSqlAsync($"LOCK TABLE volunteers.unit_year_hours IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        var kept = await db.UnitYearHours.AsNoTracking().Where(h => h.Year == year).ToDictionaryAsync(h => h.UnitCode, cancellationToken);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var sums = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.Status == ServiceRecordStatus.Approved && r.ServiceDate >= from && r.ServiceDate <= to)
            .GroupBy(r => r.UnitCode)
            .Select(g => new Sums(g.Key, g.Where(r => r.CountedAsStaff == true).Sum(r => r.Hours), g.Where(r => r.CountedAsStaff != true).Sum(r => r.Hours)))
            .ToDictionaryAsync(s => s.UnitCode, cancellationToken);
        var units = kept.Keys.Union(sums.Keys).Order(StringComparer.Ordinal).ToList();
        var differences = new List<TotalsDifference>();
        foreach (var unit in units)
        {
            var row = kept.GetValueOrDefault(unit);
            var sum = sums.GetValueOrDefault(unit) ?? new Sums(unit, 0, 0);
            if (row?.StaffHours != sum.Staff || row.OtherHours != sum.Other)
                differences.Add(new TotalsDifference(unit, year, row?.StaffHours ?? 0, sum.Staff, row?.OtherHours ?? 0, sum.Other));
            if (!correct) continue;
            var version = await UnitFigures.SetAsync(db, unit, year, sum.Staff, sum.Other, cancellationToken);
            // Every unit's snapshot goes out again, so a consumer that missed one is brought level.
            await UnitFigures.SnapshotAsync(db, unit, year, (sum.Staff, sum.Other, version), null, 0, cancellationToken);
        }
        return (units.Count, differences);
    }

    public static async Task<List<HoursAnomaly>> AnomaliesAsync(this VolunteersDbContext db, int year, HoursLimits limits, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var ofYear = db.ServiceRecords.AsNoTracking().Where(r => r.ServiceDate >= from && r.ServiceDate <= to);
        var counting = ofYear.Where(r => r.Status == ServiceRecordStatus.Approved || r.Status == ServiceRecordStatus.Pending);
        var anomalies = new List<HoursAnomaly>();

        var heavyDays = await counting.GroupBy(r => new { r.VolunteerId, r.UnitCode, r.ServiceDate })
            .Where(g => g.Sum(r => r.Hours) > limits.MaxHoursPerDay)
            .Select(g => new { g.Key.VolunteerId, g.Key.UnitCode, g.Key.ServiceDate, Hours = g.Sum(r => r.Hours), Ids = g.Select(r => r.Id).ToList() })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(heavyDays.Select(d => new HoursAnomaly(AnomalyKind.OverDailyLimit, d.UnitCode, d.VolunteerId, d.ServiceDate, d.Hours,
            d.Ids.Count, $"{d.Hours:0.##} hours on one day (the limit is {limits.MaxHoursPerDay:0.##}).", d.Ids)));

        var timed = counting.Where(r => r.StartedAt != null && r.EndedAt != null);
        var overlaps = await timed.SelectMany(a => timed.Where(b => b.VolunteerId == a.VolunteerId && a.Id.CompareTo(b.Id) < 0
                && a.StartedAt < b.EndedAt && b.StartedAt < a.EndedAt),
                (a, b) => new { a.VolunteerId, a.UnitCode, a.ServiceDate, Hours = a.Hours + b.Hours, First = a.Id, Second = b.Id })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(overlaps.Select(o => new HoursAnomaly(AnomalyKind.OverlappingRecords, o.UnitCode, o.VolunteerId, o.ServiceDate, o.Hours,
            2, "Two records of the volunteer cover the same time.", [o.First, o.Second])));

        var stale = now.AddDays(-PendingFromAnotherUnitDays).ToUniversalTime();
        var waiting = await ofYear.Where(r => r.Status == ServiceRecordStatus.Pending && r.OriginUnitCode != r.UnitCode && r.RecordedAt < stale)
            .Select(r => new { r.Id, r.UnitCode, r.VolunteerId, r.ServiceDate, r.Hours, r.OriginUnitCode, r.RecordedAt })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(waiting.Select(w => new HoursAnomaly(AnomalyKind.PendingFromAnotherUnit, w.UnitCode, w.VolunteerId, w.ServiceDate, w.Hours, 1,
            $"Recorded by unit {w.OriginUnitCode} on {CountyClock.CountyDate(w.RecordedAt):yyyy-MM-dd}, still waiting for unit {w.UnitCode}.", [w.Id])));

        var selfApproved = await ofYear.Where(r => (r.Status == ServiceRecordStatus.Approved || r.Status == ServiceRecordStatus.Voided)
                && r.DecidedBy == r.RecordedBy && (r.ApprovedInBulk || r.Source == ServiceRecordSource.Import))
            .GroupBy(r => new { r.UnitCode, r.RecordedBy })
            .Select(g => new { g.Key.UnitCode, g.Key.RecordedBy, Hours = g.Sum(r => r.Hours), Ids = g.Select(r => r.Id).Take(100).ToList(), Count = g.Count() })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(selfApproved.Select(s => new HoursAnomaly(AnomalyKind.SelfApprovedInBulk, s.UnitCode, null, null, s.Hours, s.Count,
            $"{s.Count} records approved in bulk by the client that recorded them ({s.RecordedBy}).", s.Ids)));

        var (_, differences) = await db.CompareTotalsAsync(year, correct: false, now, cancellationToken);
        anomalies.AddRange(differences.Select(d => new HoursAnomaly(AnomalyKind.TotalsDiffer, d.UnitCode, null, null,
            d.StaffHours + d.OtherHours - d.KeptStaffHours - d.KeptOtherHours, 0,
            $"Kept totals {d.KeptStaffHours:0.##} staff + {d.KeptOtherHours:0.##} other hours; the records add up to {d.StaffHours:0.##} + {d.OtherHours:0.##}.", [])));
        return [.. anomalies.OrderBy(a => a.Kind).ThenBy(a => a.UnitCode, StringComparer.Ordinal).ThenBy(a => a.ServiceDate)];
    }
}
