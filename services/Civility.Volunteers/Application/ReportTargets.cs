using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <param name="ApprovedHours">
/// All approved hours of the unit's volunteers: <paramref name="StaffHours"/> and <paramref name="OtherHours"/>.
/// </param>
/// <param name="HoursPerHead">
/// Staff hours over the headcount (年人均 of the unit's staff); other volunteers' hours are not in it.
/// </param>
public sealed record UnitTargets(
    string UnitCode, string UnitName, int Headcount, int RegisteredStaff, decimal RegistrationRate, decimal ApprovedHours,
    decimal StaffHours, decimal OtherHours, decimal HoursPerHead, bool RegistrationMet, bool HoursMet, string Status);

public sealed record TargetsReport(int Year, decimal RegistrationTarget, decimal HoursPerHeadTarget, IReadOnlyList<UnitTargets> Units,
    UnitTargets Bureau);

/// <summary>
/// A year's registration rate and per-capita hours of every unit the caller may see and of the bureau, units behind
/// target first; each year uses that year's headcount.
/// </summary>
public sealed class ReportTargets(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    /// <summary>Every unit's staff registered as volunteers (100 %), and at least 48 approved hours per head a year.</summary>
    public const decimal RegistrationTarget = 1.00m;
    public const decimal HoursPerHeadTarget = 48m;

    public async Task<TargetsReport> ExecuteAsync(int year, CancellationToken cancellationToken)
    {
        // The year ends at the county's midnight (given in UTC: Npgsql writes no other offset).
        var yearEnd = CountyClock.StartOfCountyDay(new DateOnly(year + 1, 1, 1)).ToUniversalTime();

        // Three small grouped reads: headcounts, registered staff and the approved-hours totals kept by every approval.
        var units = await db.Units.AsNoTracking()
            .Where(u => !caller.IsUnitScoped || u.Code == caller.UnitId)
            .Select(u => new
            {
                u.Code,
                u.Name,
                Headcount = u.Headcounts.Where(h => h.Year == year).Select(h => h.Headcount).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var registered = await db.Volunteers.AsNoTracking()
            .Where(v => v.IsStaffOfUnit && v.Status == VolunteerStatus.Active && v.RegisteredAt < yearEnd)
            .GroupBy(v => v.UnitCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var hours = await db.UnitYearHours.AsNoTracking().Where(h => h.Year == year)
            .ToDictionaryAsync(h => h.UnitCode, h => (h.StaffHours, h.OtherHours), cancellationToken);

        var rows = units
            .Select(u => Row(u.Code, u.Name, u.Headcount, registered.GetValueOrDefault(u.Code), hours.GetValueOrDefault(u.Code)))
            .OrderBy(r => r.Status == "met").ThenBy(r => r.RegistrationRate).ThenBy(r => r.HoursPerHead).ThenBy(r => r.UnitCode)
            .ToList();
        var bureau = Row("*", "Bureau total", rows.Sum(r => r.Headcount), rows.Sum(r => r.RegisteredStaff),
            (rows.Sum(r => r.StaffHours), rows.Sum(r => r.OtherHours)));
        return new TargetsReport(year, RegistrationTarget, HoursPerHeadTarget, rows, bureau);
    }

    private static UnitTargets Row(string code, string name, int headcount, int registeredStaff, (decimal Staff, decimal Other) hours)
    {
        var rate = headcount == 0 ? 0m : decimal.Round((decimal)registeredStaff / headcount, 4);
        var perHead = headcount == 0 ? 0m : decimal.Round(hours.Staff / headcount, 2);
        var registrationMet = headcount > 0 && registeredStaff >= headcount;
        var hoursMet = headcount > 0 && perHead >= HoursPerHeadTarget;
        return new UnitTargets(code, name, headcount, registeredStaff, rate, hours.Staff + hours.Other, hours.Staff, hours.Other, perHead,
            registrationMet, hoursMet, registrationMet && hoursMet ? "met" : "behind");
    }
}
