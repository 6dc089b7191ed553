using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class VolunteerImportApi
{
    public static RouteGroupBuilder MapVolunteerImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/import", ImportAsync).WithTags("Volunteers").RequireScope(CivilityScopes.VolunteersWrite)
            .WithBodyLimit(BodyLimits.Import)
            .Accepts<string>("text/csv")
            .WithSummary("Register volunteers in bulk from CSV")
            .WithDescription("Columns: name,id_number,phone,unit_code,is_staff,skills (skills separated by ';'). "
                + "Every row is validated; good rows are registered, bad ones reported by line and reason. "
                + "Sending the same file again registers nobody twice.");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest http, ImportVolunteers importVolunteers, CancellationToken cancellationToken)
    {
        await using var csv = CsvFiles.Open(http.Body);
        if (await CsvFiles.MissingColumnsAsync(csv, ImportVolunteers.RequiredColumns, cancellationToken) is { } missing) return missing;
        return TypedResults.Ok(await importVolunteers.ExecuteAsync(csv, cancellationToken));
    }
}
