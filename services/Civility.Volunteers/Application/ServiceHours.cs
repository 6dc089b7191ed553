using Civility.Domain;
using Civility.Domain.Time;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>
/// Recording and approving hours, the same wherever it happens (an entry, a check-out, a bulk approval, a pairing
/// activity). Each runs in its caller's transaction with the volunteer's row locked (<see cref="RowLocks.LockVolunteersAsync"/>),
/// so that two decisions on one volunteer queue instead of racing and the daily limit holds however many arrive at
/// once; the volunteer's total, the unit-year figures (kept by the save) and the events change together.
/// </summary>
internal static class ServiceHours
{
    /// <summary>Adds a new record after the plausibility rules; returns why the rules refuse it, or null when it was added.</summary>
    public static async Task<string?> TryRecordAsync(this VolunteersDbContext db, ServiceRecord record, HoursLimits limits,
        bool byAdministrator, DateTimeOffset now, CancellationToken cancellationToken)
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

    /// <summary>Approves a pending record, its volunteer's row locked and tracked, against the approved hours of its day.</summary>
    public static async Task ApproveAsync(this VolunteersDbContext db, ServiceRecord record, Volunteer volunteer, HoursLimits limits,
        string actor, bool inBulk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sameDay = record.Status == ServiceRecordStatus.Pending
            ? await db.SameDayAsync(record.VolunteerId, record.ServiceDate, record.Id, approvedOnly: true, cancellationToken)
            : DayOfService.Empty;
        volunteer.ApproveHours(record, sameDay, limits, actor, inBulk, now);
    }
}
