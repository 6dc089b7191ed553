using Civility.Hosting.Http;
using Civility.ServiceDefaults.Time;
using System.Globalization;
using System.Text;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Time;

namespace Civility.Volunteers.Endpoints;

public static class TargetsApi
{
    /// <summary>Every unit's staff registered as volunteers (100 %), and at least 48 approved hours per head a year.</summary>
    public const decimal RegistrationTarget = 1.00m;
    public const decimal HoursPerHeadTarget = 48m;

    /// <param name="ApprovedHours">All approved hours of the unit's volunteers: <paramref name="StaffHours"/> and <paramref name="OtherHours"/>.</param>
    /// <param name="HoursPerHead">Staff hours over the headcount (年人均 of the unit's staff); other volunteers' hours are not in it.</param>
    public sealed record UnitTargets(
        string UnitCode, string UnitName, int Headcount, int RegisteredStaff, decimal RegistrationRate, decimal ApprovedHours,
        decimal StaffHours, decimal OtherHours, decimal HoursPerHead, bool RegistrationMet, bool HoursMet, string Status);

    public sealed record TargetsReport(int Year, decimal RegistrationTarget, decimal HoursPerHeadTarget, IReadOnlyList<UnitTargets> Units, UnitTargets Bureau);

    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/targets", ReportAsync).WithTags("Reports").RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Registration rate and per-capita hours per unit and bureau-wide for a year; units behind target first")
            .WithDescription("Uses each unit's headcount of that year. Add format=csv (or Accept: text/csv) for a spreadsheet.");
        return api;
    }

    private static async Task<Results<Ok<TargetsReport>, ContentHttpResult, ValidationProblem>> ReportAsync(
        int? year, string? format, HttpRequest http, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reportYear = year ?? clock.CountyYear();
        if (reportYear is < 2000 or > 2100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Between 2000 and 2100."] });
        // The year ends at the county's midnight (given in UTC: Npgsql writes no other offset).
        var yearEnd = CountyClock.StartOfCountyDay(new DateOnly(reportYear + 1, 1, 1)).ToUniversalTime();

        // Three small grouped reads: headcounts, registered staff and the approved-hours totals kept by every approval.
        var units = await db.Units.AsNoTracking()
            .Where(u => !caller.IsUnitScoped || u.Code == caller.UnitId)
            .Select(u => new { u.Code, u.Name, Headcount = u.Headcounts.Where(h => h.Year == reportYear).Select(h => h.Headcount).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var registered = await db.Volunteers.AsNoTracking()
            .Where(v => v.IsStaffOfUnit && v.Status == VolunteerStatus.Active && v.RegisteredAt < yearEnd)
            .GroupBy(v => v.UnitCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var hours = await db.UnitYearHours.AsNoTracking().Where(h => h.Year == reportYear)
            .ToDictionaryAsync(h => h.UnitCode, h => (h.StaffHours, h.OtherHours), cancellationToken);

        var rows = units.Select(u => Row(u.Code, u.Name, u.Headcount, registered.GetValueOrDefault(u.Code), hours.GetValueOrDefault(u.Code)))
            .OrderBy(r => r.Status == "met").ThenBy(r => r.RegistrationRate).ThenBy(r => r.HoursPerHead).ThenBy(r => r.UnitCode)
            .ToList();
        var bureau = Row("*", "Bureau total", rows.Sum(r => r.Headcount), rows.Sum(r => r.RegisteredStaff),
            (rows.Sum(r => r.StaffHours), rows.Sum(r => r.OtherHours)));
        var report = new TargetsReport(reportYear, RegistrationTarget, HoursPerHeadTarget, rows, bureau);

        return CsvFiles.Wanted(format, http) ? TypedResults.Content(Csv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    private static UnitTargets Row(string code, string name, int headcount, int registeredStaff, (decimal Staff, decimal Other) hours)
    {
        var rate = headcount == 0 ? 0m : decimal.Round((decimal)registeredStaff / headcount, 4);
        var perHead = headcount == 0 ? 0m : decimal.Round(hours.Staff / headcount, 2);
        var registrationMet = headcount > 0 && registeredStaff >= headcount;
        var hoursMet = headcount > 0 && perHead >= HoursPerHeadTarget;
        return new UnitTargets(code, name, headcount, registeredStaff, rate, hours.Staff + hours.Other, hours.Staff, hours.Other, perHead, registrationMet, hoursMet,
            registrationMet && hoursMet ? "met" : "behind");
    }

    private static string Csv(TargetsReport report)
    {
        var csv = new StringBuilder("unit_code,unit_name,headcount,registered_staff,registration_rate,approved_hours,staff_hours,other_hours,hours_per_head,status\n");
        foreach (var r in report.Units.Append(report.Bureau))
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{CsvCell.Of(r.UnitCode)},{CsvCell.Quoted(r.UnitName)},{r.Headcount},{r.RegisteredStaff},{r.RegistrationRate:F4},{r.ApprovedHours:F2},{r.StaffHours:F2},{r.OtherHours:F2},{r.HoursPerHead:F2},{r.Status}\n");
        }
        return csv.ToString();
    }
}
