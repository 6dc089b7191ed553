using System.Globalization;
using System.Text;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

/// <summary>For administrators: rebuild the targets' totals from the records, and list what in a year's hours looks wrong.</summary>
public static class HoursIntegrityApi
{
    public static RouteGroupBuilder MapHoursIntegrityApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapPost("/targets/rebuild", RebuildAsync).RequireScope(CivilityScopes.Admin)
            .WithSummary(
                "Rebuild a year's unit totals from the approved records; reports every difference it corrected (there should be none)")
            .WithDescription(
                "Every unit's figures of the year are published again (UnitTargetsChanged), so other services are brought level.");
        reports.MapGet("/anomalies", AnomaliesAsync).RequireScope(CivilityScopes.Admin)
            .WithSummary("A year's hours an administrator should look at: over the daily limit, overlapping, "
                + "another unit's hours pending over 30 days, self-approved in bulk, totals a rebuild would change")
            .WithDescription("Add format=csv (or Accept: text/csv) for a spreadsheet.");
        return api;
    }

    private static async Task<Results<Ok<RebuildReport>, ValidationProblem>> RebuildAsync(
        int? year, RebuildTargetTotals rebuildTargetTotals, CancellationToken cancellationToken)
    {
        if (YearProblem(year) is { } problem) return problem;
        return TypedResults.Ok(await rebuildTargetTotals.ExecuteAsync(year!.Value, cancellationToken));
    }

    private static async Task<Results<Ok<AnomalyReport>, ContentHttpResult, ValidationProblem>> AnomaliesAsync(
        int? year, string? format, HttpRequest http, FindHoursAnomalies findHoursAnomalies, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reportYear = year ?? clock.CountyYear();
        if (YearProblem(reportYear) is { } problem) return problem;
        var report = await findHoursAnomalies.ExecuteAsync(reportYear, cancellationToken);
        return CsvFiles.Wanted(format, http) ? TypedResults.Content(Csv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    private static ValidationProblem? YearProblem(int? year) => year is >= 2000 and <= 2100
        ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["A year between 2000 and 2100 is required."] });

    private static string Csv(AnomalyReport report)
    {
        var csv = new StringBuilder("kind,unit_code,volunteer_id,service_date,hours,records,detail,record_ids\n");
        foreach (var a in report.Anomalies)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{KebabName.Of(a.Kind)},{CsvCell.Of(a.UnitCode)},{a.VolunteerId},{a.ServiceDate:yyyy-MM-dd},{a.Hours:F2},{a.Records},"
                + $"{CsvCell.Quoted(a.Detail)},{string.Join(' ', a.RecordIds)}\n");
        }
        return csv.ToString();
    }
}
