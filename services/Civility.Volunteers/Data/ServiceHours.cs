using Civility.Contracts.Volunteers;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Messaging.Outbox;
using Civility.ServiceDefaults.Time;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The volunteer's other hours on <paramref name="date"/>: approved ones, and pending ones too unless only approved count.</summary>
    public static async Task<DayOfService> SameDayAsync(this VolunteersDbContext db, Guid volunteerId, DateOnly date, Guid excluding, bool approvedOnly,
        CancellationToken cancellationToken)
    {
        var others = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.VolunteerId == volunteerId && r.ServiceDate == date && r.Id != excluding
                && (r.Status == ServiceRecordStatus.Approved || (!approvedOnly && r.Status == ServiceRecordStatus.Pending)))
            .Select(r => new { r.Hours, r.StartedAt, r.EndedAt })
            .ToListAsync(cancellationToken);
        var local = db.ServiceRecords.Local.Where(r => r.VolunteerId == volunteerId && r.ServiceDate == date && r.Id != excluding
            && db.Entry(r).State == EntityState.Added && (r.Status == ServiceRecordStatus.Approved || !approvedOnly));
        var all = others.Select(o => (o.Hours, Period: o.StartedAt is { } s && o.EndedAt is { } e ? new ServicePeriod(s, e) : (ServicePeriod?)null))
            .Concat(local.Select(r => (r.Hours, r.Period)))
            .ToList();
        return new DayOfService(all.Sum(o => o.Hours), [.. all.Where(o => o.Period is not null).Select(o => o.Period!.Value)]);
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
        if (volunteer.Status != VolunteerStatus.Active)
            throw DomainRuleException.Rule("Hours of an inactive volunteer cannot be approved.", $"Volunteer {volunteer.Number} is inactive.");
        if (record.Status == ServiceRecordStatus.Pending)
        {
            var sameDay = await db.SameDayAsync(record.VolunteerId, record.ServiceDate, record.Id, approvedOnly: true, cancellationToken);
            var overlap = record.Period is { } timed && sameDay.Periods.Any(p => p.Overlaps(timed))
                ? "The volunteer already has approved hours for part of this time."
                : null;
            if ((HoursRules.DayProblem(record.Hours, record.ServiceDate, sameDay.Hours, limits) ?? overlap) is { } problem)
                throw DomainRuleException.Rule("These hours cannot be approved.", problem);
        }
        record.Approve(actor, volunteer.IsStaffOfUnit, inBulk, now);
        var reached = volunteer.CreditApprovedHours(record.Hours);
        db.AddIntegrationEvent(new ServiceHoursApproved(record.Id, record.VolunteerId, record.UnitCode, record.Hours,
            record.ServiceDate, JsonNames.Kebab(record.Source.ToString())), now);
        foreach (var stars in reached)
            db.AddIntegrationEvent(new StarLevelReached(volunteer.Id, volunteer.UnitCode, stars, volunteer.ApprovedHours), now);
    }

    /// <summary>
    /// Approves many records in one transaction (one commit, not one per record); a record that may not be approved
    /// is reported and left alone.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Reason)>> ApproveManyAsync(this VolunteersDbContext db, IReadOnlyCollection<Guid> ids,
        Func<ServiceRecord, bool> mayAccess, HoursLimits limits, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = new List<(Guid, string)>();
        var volunteerIds = await db.ServiceRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.VolunteerId).Distinct().ToListAsync(cancellationToken);
        var volunteers = await db.LockVolunteersAsync(volunteerIds, cancellationToken);
        var records = await db.ServiceRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var record) || !mayAccess(record))
            {
                failed.Add((id, "No such service record."));
                continue;
            }
            try
            {
                await db.ApproveAsync(record, volunteers[record.VolunteerId], limits, actor, inBulk: true, now, cancellationToken);
            }
            catch (DomainRuleException rule)
            {
                failed.Add((id, rule.Detail is { } detail ? $"{rule.Title} {detail}" : rule.Title));
            }
        }
        return failed;
    }

    public static void Void(this VolunteersDbContext db, ServiceRecord record, Volunteer volunteer, string reason, string actor, DateTimeOffset now)
    {
        record.Void(reason, actor, now);
        volunteer.DebitVoidedHours(record.Hours);
        db.AddIntegrationEvent(new ServiceRecordVoided(record.Id, record.VolunteerId, record.UnitCode, record.Hours, reason), now);
    }

    /// <summary>
    /// Saves in a transaction, retrying the whole unit of work when another request changed the same activity in
    /// between (optimistic concurrency), so no sign-up is lost.
    /// </summary>
    public static async Task<T> CommitAsync<T>(this VolunteersDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
                    var result = await work(ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
