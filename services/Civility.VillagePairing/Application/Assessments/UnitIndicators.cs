using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.VillagePairing.Application.Assessments;

/// <summary>A unit's indicators for a year so far, each 0–1.</summary>
public sealed class UnitIndicators(PairingDbContext db, CallerContext caller, IOptions<AssessmentSettings> settings) : IUseCase
{
    public async Task<IndicatorValues> ExecuteAsync(Guid civilizedUnitId, int year, CancellationToken ct)
    {
        var unit = await db.TitleAsync(civilizedUnitId, caller, ct);
        return await ComputeAsync(db, unit.UnitCode, year, settings.Value, ct);
    }

    /// <summary>
    /// The year's indicators, each 0–1: staff registered / headcount; staff hours per head / target (other volunteers'
    /// hours are not in it); completed activities / target; delivered share of the pledges due that year (none pledged
    /// counts 0: pairing means helping); tasks due that year with evidence filed by the deadline (none assigned counts
    /// 1: nothing was missed).
    /// </summary>
    internal static async Task<IndicatorValues> ComputeAsync(
        PairingDbContext db, string unitCode, int year, AssessmentSettings settings, CancellationToken ct)
    {
        // The volunteer service's figures, as it last published them: its targets report says the same.
        var stats = await db.UnitYearStats.AsNoTracking().FirstOrDefaultAsync(s => s.UnitCode == unitCode && s.Year == year, ct);
        var headcount = stats?.Headcount ?? 0;
        var registered = stats?.RegisteredStaff ?? 0;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var activities = await db.Activities.CountAsync(
            a => a.UnitCode == unitCode && a.Status == ActivityStatus.Completed && a.Date >= first && a.Date <= last, ct);
        var pledges = await db.Pledges.AsNoTracking()
            .Where(p => p.UnitCode == unitCode && p.DueDate >= first && p.DueDate <= last)
            .Select(p => new { p.Quantity, p.Delivered }).ToListAsync(ct);
        var tasks = await db.CreationTasks.AsNoTracking()
            .Where(t => t.Deadline >= first && t.Deadline <= last && t.Assignments.Any(a => a.UnitCode == unitCode)).ToListAsync(ct);
        var assigned = tasks.Select(t => (t.Deadline, Part: t.AssignmentOf(unitCode)!)).ToList();

        return new IndicatorValues(
            RegistrationRate: Ratio(registered, headcount),
            PerCapitaHours: headcount == 0 ? 0 : Ratio(stats!.StaffHours / headcount, settings.TargetHoursPerHead),
            ActivitiesHeld: Ratio(activities, settings.TargetActivities),
            PledgesDelivered: pledges.Count == 0 ? 0 : Math.Round(pledges.Average(p => Math.Min(1, p.Delivered / p.Quantity)), 4),
            TasksDone: assigned.Count == 0 ? 1 : Ratio(assigned.Count(a => a.Part.SubmittedAt is { } at
                && CountyClock.CountyDate(at) <= a.Deadline), assigned.Count));
    }

    private static decimal Ratio(decimal part, decimal whole) => whole <= 0 ? 0 : Math.Round(Math.Min(1, part / whole), 4);
}
