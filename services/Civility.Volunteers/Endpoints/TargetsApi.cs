using System.Globalization;
using System.Text;
using Civility.Domain.Time;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class TargetsApi
{
    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/targets", ReportAsync).WithTags("Reports").RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("Registration rate and per-capita hours per unit and bureau-wide for a year; units behind target first")
            .WithDescription("Uses each unit's headcount of that year. Add format=csv (or Accept: text/csv) for a spreadsheet.");
        api.MapGet("/public/targets", PublicAsync).WithTags("Public").AllowAnonymous()
            .WithSummary("The bureau's registration rate and hours per head for a year, against 100 % and 48 h (anyone)")
            .WithDescription("Bureau totals from the same books as the targets report; each unit's figures only where "
                + "Volunteers:PublicUnitTargets is on.");
        return api;
    }

    /// <summary>One line of the public figures: the bureau's, or a unit's where they are published.</summary>
    public sealed record PublicTargetsRow(string UnitCode, string UnitName, int Headcount, int RegisteredStaff, decimal RegistrationRate,
        decimal HoursPerHead, bool RegistrationMet, bool HoursMet);

    /// <param name="Units">Each unit's figures, only when the bureau publishes them (Volunteers:PublicUnitTargets); else null.</param>
    public sealed record PublicTargetsResponse(int Year, decimal RegistrationTarget, decimal HoursPerHeadTarget, PublicTargetsRow Bureau,
        IReadOnlyList<PublicTargetsRow>? Units);

    private static async Task<Results<Ok<PublicTargetsResponse>, ValidationProblem>> PublicAsync(
        int? year, ReportTargets reportTargets, TimeProvider clock, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var reportYear = year ?? clock.CountyYear();
        if (reportYear is < 2000 or > 2100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Between 2000 and 2100."] });
        var report = await reportTargets.ExecuteAsync(reportYear, cancellationToken);
        static PublicTargetsRow Row(UnitTargets r) => new(r.UnitCode, r.UnitName, r.Headcount, r.RegisteredStaff, r.RegistrationRate,
            r.HoursPerHead, r.RegistrationMet, r.HoursMet);
        var units = configuration.GetValue("Volunteers:PublicUnitTargets", false)
            ? report.Units.OrderBy(u => u.UnitCode, StringComparer.Ordinal).Select(Row).ToList()
            : null;
        return TypedResults.Ok(new PublicTargetsResponse(report.Year, report.RegistrationTarget, report.HoursPerHeadTarget,
            Row(report.Bureau), units));
    }

    private static async Task<Results<Ok<TargetsReport>, ContentHttpResult, ValidationProblem>> ReportAsync(
        int? year, string? format, HttpRequest http, ReportTargets reportTargets, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reportYear = year ?? clock.CountyYear();
        if (reportYear is < 2000 or > 2100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Between 2000 and 2100."] });
        var report = await reportTargets.ExecuteAsync(reportYear, cancellationToken);
        return CsvFiles.Wanted(format, http) ? TypedResults.Content(Csv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    private static string Csv(TargetsReport report)
    {
        var csv = new StringBuilder("unit_code,unit_name,headcount,registered_staff,registration_rate,approved_hours,"
            + "staff_hours,other_hours,hours_per_head,status\n");
        foreach (var r in report.Units.Append(report.Bureau))
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{CsvCell.Of(r.UnitCode)},{CsvCell.Quoted(r.UnitName)},{r.Headcount},{r.RegisteredStaff},{r.RegistrationRate:F4},"
                + $"{r.ApprovedHours:F2},{r.StaffHours:F2},{r.OtherHours:F2},{r.HoursPerHead:F2},{r.Status}\n");
        }
        return csv.ToString();
    }
}
