using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Civility.Hosting.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Endpoints;

public static class HoursImportApi
{
    public static RouteGroupBuilder MapHoursImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/service-records/import", ImportAsync).WithTags("Service hours").RequireScope(CivilityScopes.VolunteersWrite)
            .WithBodyLimit(BodyLimits.Import)
            .Accepts<string>("text/csv")
            .WithSummary("Import service records in bulk from CSV (pending until approved)")
            .WithDescription("Columns: volunteer_number,service_date (yyyy-MM-dd),hours,content. Rows are checked as they stream in (bad ones reported by line), go by binary COPY into a staging table and are merged in one statement. A row sent again (same volunteer, date, hours, content) is skipped, so resending a file changes nothing.");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest http, VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits, ILogger<ServiceRecordImport> logger,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = caller.Actor;
        await using var csv = CsvFiles.Open(http.Body);
        if (await CsvFiles.MissingColumnsAsync(csv, ServiceRecordImport.Columns, cancellationToken) is { } missing) return missing;

        // A unit-scoped client credits only its own unit's volunteers.
        var result = await new ServiceRecordImport(db, limits.Value).RunAsync(csv, caller.IsUnitScoped ? caller.UnitId : null, caller.IsAdmin,
            actor, now, ImportReport.MaxListedErrors, cancellationToken);
        logger.LogInformation("Hours import of {Rows} rows: {Imported} imported, {Skipped} skipped, {Rejected} rejected; staged in {StagedMs} ms, merged in {MergedMs} ms",
            result.Rows, result.Imported, result.Skipped, result.Rejected, (long)result.Staged.TotalMilliseconds, (long)result.Merged.TotalMilliseconds);
        return TypedResults.Ok(new ImportReport(result.BatchId, result.Rows, result.Imported, result.Skipped, result.Rejected, [.. result.Errors.OrderBy(e => e.Line)]));
    }
}
