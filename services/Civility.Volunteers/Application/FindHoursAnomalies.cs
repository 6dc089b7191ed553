using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Application;

public sealed record AnomalyReport(int Year, decimal MaxHoursPerDay, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<HoursAnomaly> Anomalies);

/// <summary>
/// What in a year's hours an administrator should look at: records no rule should have let through (from before the
/// rules, or held from events and approved since), and totals a rebuild would change.
/// </summary>
public sealed class FindHoursAnomalies(VolunteersDbContext db, TimeProvider clock, IOptions<HoursLimits> options) : IUseCase
{
    /// <summary>Hours from another unit still waiting this many days for the volunteer's unit are reported.</summary>
    public const int PendingFromAnotherUnitDays = 30;

    public async Task<AnomalyReport> ExecuteAsync(int year, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var ofYear = db.ServiceRecords.AsNoTracking().Where(r => r.ServiceDate >= from && r.ServiceDate <= to);
        var counting = ofYear.Where(r => r.Status == ServiceRecordStatus.Approved || r.Status == ServiceRecordStatus.Pending);
        var anomalies = new List<HoursAnomaly>();

        var heavyDays = await counting.GroupBy(r => new { r.VolunteerId, r.UnitCode, r.ServiceDate })
            .Where(g => g.Sum(r => r.Hours) > limits.MaxHoursPerDay)
            .Select(g => new
            {
                g.Key.VolunteerId, g.Key.UnitCode, g.Key.ServiceDate, Hours = g.Sum(r => r.Hours),
                Ids = g.Select(r => r.Id).ToList()
            })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(heavyDays.Select(d => new HoursAnomaly(AnomalyKind.OverDailyLimit, d.UnitCode, d.VolunteerId, d.ServiceDate,
            d.Hours, d.Ids.Count, $"{d.Hours:0.##} hours on one day (the limit is {limits.MaxHoursPerDay:0.##}).", d.Ids)));

        var timed = counting.Where(r => r.StartedAt != null && r.EndedAt != null);
        var overlaps = await timed.SelectMany(a => timed.Where(b => b.VolunteerId == a.VolunteerId && a.Id.CompareTo(b.Id) < 0
                && a.StartedAt < b.EndedAt && b.StartedAt < a.EndedAt),
                (a, b) => new { a.VolunteerId, a.UnitCode, a.ServiceDate, Hours = a.Hours + b.Hours, First = a.Id, Second = b.Id })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(overlaps.Select(o => new HoursAnomaly(AnomalyKind.OverlappingRecords, o.UnitCode, o.VolunteerId, o.ServiceDate,
            o.Hours, 2, "Two records of the volunteer cover the same time.", [o.First, o.Second])));

        var stale = clock.GetUtcNow().AddDays(-PendingFromAnotherUnitDays).ToUniversalTime();
        var waiting = await ofYear.Where(r => r.Status == ServiceRecordStatus.Pending && r.OriginUnitCode != r.UnitCode
                && r.RecordedAt < stale)
            .Select(r => new { r.Id, r.UnitCode, r.VolunteerId, r.ServiceDate, r.Hours, r.OriginUnitCode, r.RecordedAt })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(waiting.Select(w => new HoursAnomaly(AnomalyKind.PendingFromAnotherUnit, w.UnitCode, w.VolunteerId,
            w.ServiceDate, w.Hours, 1,
            $"Recorded by unit {w.OriginUnitCode} on {CountyClock.CountyDate(w.RecordedAt):yyyy-MM-dd}, "
            + $"still waiting for unit {w.UnitCode}.", [w.Id])));

        var selfApproved = await ofYear.Where(r => (r.Status == ServiceRecordStatus.Approved || r.Status == ServiceRecordStatus.Voided)
                && r.DecidedBy == r.RecordedBy && (r.ApprovedInBulk || r.Source == ServiceRecordSource.Import))
            .GroupBy(r => new { r.UnitCode, r.RecordedBy })
            .Select(g => new
            {
                g.Key.UnitCode, g.Key.RecordedBy, Hours = g.Sum(r => r.Hours),
                Ids = g.Select(r => r.Id).Take(100).ToList(), Count = g.Count()
            })
            .ToListAsync(cancellationToken);
        anomalies.AddRange(selfApproved.Select(s => new HoursAnomaly(AnomalyKind.SelfApprovedInBulk, s.UnitCode, null, null, s.Hours,
            s.Count, $"{s.Count} records approved in bulk by the client that recorded them ({s.RecordedBy}).", s.Ids)));

        var differences = (await KeptTotals.CompareAsync(db, year, cancellationToken)).Select(u => u.Difference).OfType<TotalsDifference>();
        anomalies.AddRange(differences.Select(d => new HoursAnomaly(AnomalyKind.TotalsDiffer, d.UnitCode, null, null,
            d.StaffHours + d.OtherHours - d.KeptStaffHours - d.KeptOtherHours, 0,
            $"Kept totals {d.KeptStaffHours:0.##} staff + {d.KeptOtherHours:0.##} other hours; "
            + $"the records add up to {d.StaffHours:0.##} + {d.OtherHours:0.##}.", [])));
        List<HoursAnomaly> ordered =
            [.. anomalies.OrderBy(a => a.Kind).ThenBy(a => a.UnitCode, StringComparer.Ordinal).ThenBy(a => a.ServiceDate)];
        var counts = Enum.GetValues<AnomalyKind>().ToDictionary(kind => KebabName.Of(kind), kind => ordered.Count(a => a.Kind == kind));
        return new AnomalyReport(year, limits.MaxHoursPerDay, counts, ordered);
    }
}
