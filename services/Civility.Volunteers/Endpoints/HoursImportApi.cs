using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class HoursImportApi
{
    public static RouteGroupBuilder MapHoursImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/service-records/import", ImportAsync).WithTags("Service hours").RequireScope(CivilityScopes.VolunteersWrite)
            .WithBodyLimit(BodyLimits.Import)
            .Accepts<string>("text/csv")
            .WithSummary("Import service records in bulk from CSV (pending until approved)")
            .WithDescription("Columns: volunteer_number,service_date (yyyy-MM-dd),hours,content. "
                + "Rows are checked as they stream in (bad ones reported by line), go by binary COPY into a staging table "
                + "and are merged in one statement. "
                + "A row sent again (same volunteer, date, hours, content) is skipped, so resending a file changes nothing.");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest http, ImportServiceRecords importServiceRecords, CancellationToken cancellationToken)
    {
        await using var csv = CsvFiles.Open(http.Body);
        if (await CsvFiles.MissingColumnsAsync(csv, ImportServiceRecords.Columns, cancellationToken) is { } missing) return missing;
        return TypedResults.Ok(await importServiceRecords.ExecuteAsync(csv, cancellationToken));
    }
}
