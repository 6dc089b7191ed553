using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Data;

/// <summary>A volunteer's other hours on a day, which every new or approved record is checked against.</summary>
public static class HoursQueries
{
    /// <summary>
    /// The volunteer's other hours on <paramref name="date"/>: approved ones, and pending ones too unless only approved
    /// count. A record this unit of work tracks counts as it is now (added, or approved a moment ago), not as stored.
    /// </summary>
    public static async Task<DayOfService> SameDayAsync(this VolunteersDbContext db, Guid volunteerId, DateOnly date, Guid excluding,
        bool approvedOnly, CancellationToken cancellationToken)
    {
        var stored = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.VolunteerId == volunteerId && r.ServiceDate == date && r.Id != excluding
                && (r.Status == ServiceRecordStatus.Approved || r.Status == ServiceRecordStatus.Pending))
            .Select(r => new { r.Id, r.Status, r.Hours, r.StartedAt, r.EndedAt })
            .ToListAsync(cancellationToken);
        var tracked = db.ServiceRecords.Local
            .Where(r => r.VolunteerId == volunteerId && r.ServiceDate == date && r.Id != excluding).ToList();
        bool Counts(ServiceRecordStatus status) =>
            status == ServiceRecordStatus.Approved || (!approvedOnly && status == ServiceRecordStatus.Pending);
        var trackedIds = tracked.Select(r => r.Id).ToHashSet();
        return DayOfService.Of(stored.Where(o => !trackedIds.Contains(o.Id) && Counts(o.Status))
            .Select(o => (o.Hours, ServicePeriod.From(o.StartedAt, o.EndedAt)))
            .Concat(tracked.Where(r => Counts(r.Status)).Select(r => (r.Hours, r.Period))));
    }

    /// <summary>
    /// The approved hours, other than these records, on the days of these records' volunteers, by volunteer and day:
    /// every day of a batch read at once (a query per record, with the tracker's own bookkeeping, made a batch of a
    /// thousand take seconds).
    /// </summary>
    public static async Task<Dictionary<(Guid VolunteerId, DateOnly ServiceDate), DayOfService>> ApprovedOnDaysOfAsync(
        this VolunteersDbContext db, IReadOnlyCollection<ServiceRecord> records, CancellationToken cancellationToken)
    {
        var days = records.Select(r => (r.VolunteerId, r.ServiceDate)).Distinct().ToArray();
        var volunteerIds = days.Select(d => d.VolunteerId).ToArray();
        var dates = days.Select(d => d.ServiceDate).ToArray();
        var excluded = records.Select(r => r.Id).ToArray();
        var approved = await db.Database.SqlQuery<ApprovedHours>($"""
            SELECT r.volunteer_id, r.service_date, r.hours, r.started_at, r.ended_at
            FROM volunteers.service_records r
            JOIN unnest({volunteerIds}, {dates}) AS d(volunteer_id, service_date)
              ON r.volunteer_id = d.volunteer_id AND r.service_date = d.service_date
            WHERE r.status = 'Approved' AND r.id <> ALL({excluded})
            """).ToListAsync(cancellationToken);
        return approved.GroupBy(r => (r.VolunteerId, r.ServiceDate))
            .ToDictionary(g => g.Key, g => DayOfService.Of(g.Select(r => (r.Hours, ServicePeriod.From(r.StartedAt, r.EndedAt)))));
    }

    /// <summary>An approved record's part in its volunteer's day.</summary>
    private sealed record ApprovedHours(Guid VolunteerId, DateOnly ServiceDate, decimal Hours, DateTimeOffset? StartedAt,
        DateTimeOffset? EndedAt);
}
