using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;
using Civility.Domain.Time;

namespace Civility.Volunteers.Data;

/// <summary>
/// Recording, approving, declining and voiding hours, wherever it happens (an organizer, a bulk approval, an import,
/// a pairing activity). Every decision holds the volunteer's row lock, taken in id order, so that two decisions on
/// one volunteer (or one record) queue instead of racing, the daily limit holds however many arrive at once, and the
/// volunteer's total, the unit-year figures (kept by the save itself, see <see cref="UnitFigures"/>) and the events
/// change together in one transaction.
/// </summary>
public static class ServiceHours
{
    /// <summary>Locks the volunteers' rows for the transaction, in id order, and tracks them as they are now.</summary>
    public static async Task<Dictionary<Guid, Volunteer>> LockVolunteersAsync(this VolunteersDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var sorted = ids.Distinct().Order().ToArray();
        return await db.Volunteers
            .FromSql($"SELECT *, xmin FROM volunteers.volunteers WHERE id = ANY({sorted}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(v => v.Id, cancellationToken);
    }

    /// <summary>
    /// The volunteer's other hours on <paramref name="date"/>: approved ones, and pending ones too unless only approved
    /// count. A record this unit of work tracks counts as it is now (added, or approved a moment ago), not as stored.
    /// </summary>
    public static async Task<DayOfService> SameDayAsync(this VolunteersDbContext db, Guid volunteerId, DateOnly date, Guid excluding, bool approvedOnly,
        CancellationToken cancellationToken)
    {
        var stored = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.VolunteerId == volunteerId && r.ServiceDate == date && r.Id != excluding
                && (r.Status == ServiceRecordStatus.Approved || r.Status == ServiceRecordStatus.Pending))
            .Select(r => new { r.Id, r.Status, r.Hours, r.StartedAt, r.EndedAt })
            .ToListAsync(cancellationToken);
        var tracked = db.ServiceRecords.Local.Where(r => r.VolunteerId == volunteerId && r.ServiceDate == date && r.Id != excluding).ToList();
        bool Counts(ServiceRecordStatus status) => status == ServiceRecordStatus.Approved || (!approvedOnly && status == ServiceRecordStatus.Pending);
        var trackedIds = tracked.Select(r => r.Id).ToHashSet();
        return DayOfService.Of(stored.Where(o => !trackedIds.Contains(o.Id) && Counts(o.Status))
            .Select(o => (o.Hours, ServicePeriod.From(o.StartedAt, o.EndedAt)))
            .Concat(tracked.Where(r => Counts(r.Status)).Select(r => (r.Hours, r.Period))));
    }

    /// <summary>
    /// Adds a new record after the plausibility rules; the volunteer's row must be locked (<see cref="LockVolunteersAsync"/>).
    /// Returns why the rules refuse it, or null when it was added.
    /// </summary>
    public static async Task<string?> TryRecordAsync(this VolunteersDbContext db, ServiceRecord record, HoursLimits limits, bool byAdministrator,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sameDay = await db.SameDayAsync(record.VolunteerId, record.ServiceDate, record.Id, approvedOnly: false, cancellationToken);
        if (HoursRules.Problem(record, sameDay, CountyClock.CountyDate(now), limits, byAdministrator) is { } problem) return problem;
        db.ServiceRecords.Add(record);
        return null;
    }

    /// <summary>Adds a new record after the plausibility rules, or refuses it (422) with the rule it breaks.</summary>
    public static async Task RecordAsync(this VolunteersDbContext db, ServiceRecord record, HoursLimits limits, bool byAdministrator,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.TryRecordAsync(record, limits, byAdministrator, now, cancellationToken) is { } problem)
            throw DomainRuleException.Rule("These hours are not plausible.", problem);
    }

    /// <summary>
    /// Approves a pending record, its volunteer's row locked and tracked. The rules are checked again against the
    /// approved hours of the day, so that what counts never breaks them, whatever was pending beside it.
    /// </summary>
    /// <remarks>Every rule is checked before anything changes, so a refused record leaves the unit of work as it was.</remarks>
    public static async Task ApproveAsync(this VolunteersDbContext db, ServiceRecord record, Volunteer volunteer, HoursLimits limits,
        string actor, bool inBulk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sameDay = record.Status == ServiceRecordStatus.Pending
            ? await db.SameDayAsync(record.VolunteerId, record.ServiceDate, record.Id, approvedOnly: true, cancellationToken)
            : DayOfService.Empty;
        Approve(record, volunteer, sameDay, limits, actor, inBulk, now);
    }

    /// <param name="sameDay">The volunteer's other approved hours that day.</param>
    private static void Approve(ServiceRecord record, Volunteer volunteer, DayOfService sameDay, HoursLimits limits,
        string actor, bool inBulk, DateTimeOffset now) => volunteer.ApproveHours(record, sameDay, limits, actor, inBulk, now);

    /// <summary>
    /// Approves many records in one transaction (one commit, not one per record); a record that may not be approved
    /// is reported and left alone.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Reason)>> ApproveManyAsync(this VolunteersDbContext db, IReadOnlyCollection<Guid> ids,
        Func<ServiceRecord, bool> mayAccess, HoursLimits limits, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = new List<(Guid, string)>();
        var idArray = ids.ToArray();
        var volunteerIds = await db.ServiceRecords.AsNoTracking().Where(r => idArray.Contains(r.Id)).Select(r => r.VolunteerId).Distinct().ToListAsync(cancellationToken);
        var volunteers = await db.LockVolunteersAsync(volunteerIds, cancellationToken);
        var records = await db.ServiceRecords.Where(r => idArray.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        // Every day of the batch read at once (a query per record, with the tracker's own bookkeeping, made a batch
        // of a thousand take seconds); what the batch approves is added to its day as it goes.
        var days = (await db.ApprovedOnDaysOfAsync(records.Values, cancellationToken))
            .GroupBy(r => (r.VolunteerId, r.ServiceDate))
            .ToDictionary(g => g.Key, g => DayOfService.Of(g.Select(r => (r.Hours, ServicePeriod.From(r.StartedAt, r.EndedAt)))));
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var record) || !mayAccess(record))
            {
                failed.Add((id, "No such service record."));
                continue;
            }
            var key = (record.VolunteerId, record.ServiceDate);
            var sameDay = days.GetValueOrDefault(key) ?? DayOfService.Empty;
            try
            {
                var wasPending = record.Status == ServiceRecordStatus.Pending;
                Approve(record, volunteers[record.VolunteerId], wasPending ? sameDay : DayOfService.Empty, limits, actor, inBulk: true, now);
                if (wasPending)
                    days[key] = sameDay.With(record.Hours, record.Period);
            }
            catch (DomainRuleException rule)
            {
                failed.Add((id, rule.Detail is { } detail ? $"{rule.Title} {detail}" : rule.Title));
            }
        }
        return failed;
    }

    /// <summary>An approved record's part in its volunteer's day.</summary>
    private sealed record ApprovedHours(Guid VolunteerId, DateOnly ServiceDate, decimal Hours, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

    /// <summary>The approved records, other than these, on the days of these records' volunteers.</summary>
    private static Task<List<ApprovedHours>> ApprovedOnDaysOfAsync(this VolunteersDbContext db, IReadOnlyCollection<ServiceRecord> records,
        CancellationToken cancellationToken)
    {
        var days = records.Select(r => (r.VolunteerId, r.ServiceDate)).Distinct().ToArray();
        var volunteerIds = days.Select(d => d.VolunteerId).ToArray();
        var dates = days.Select(d => d.ServiceDate).ToArray();
        var excluded = records.Select(r => r.Id).ToArray();
        return db.Database.SqlQuery<ApprovedHours>($"""
            SELECT r.volunteer_id, r.service_date, r.hours, r.started_at, r.ended_at
            FROM volunteers.service_records r
            JOIN unnest({volunteerIds}, {dates}) AS d(volunteer_id, service_date)
              ON r.volunteer_id = d.volunteer_id AND r.service_date = d.service_date
            WHERE r.status = 'Approved' AND r.id <> ALL({excluded})
            """).ToListAsync(cancellationToken);
    }

    public static void Void(this VolunteersDbContext db, ServiceRecord record, Volunteer volunteer, string reason, string actor, DateTimeOffset now) =>
        volunteer.VoidHours(record, reason, actor, now);
}
