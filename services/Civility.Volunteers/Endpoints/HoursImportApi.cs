using System.Globalization;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Civility.Volunteers.Endpoints;

public static class HoursImportApi
{
    /// <summary>Imports may stream far more than the 1 MiB other requests may send.</summary>
    public const long MaxImportBytes = 512L * 1024 * 1024;

    public static RouteGroupBuilder MapHoursImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/service-records/import", ImportAsync).WithTags("Service hours").RequireScope(CivilityScopes.VolunteersWrite)
            .Accepts<string>("text/csv")
            .WithSummary("Import service records in bulk from CSV (pending until approved)")
            .WithDescription("Columns: volunteer_number,service_date (yyyy-MM-dd),hours,content. Rows stream into a staging table by binary COPY, are validated there and merged in one statement; bad rows are reported by line. A row sent again (same volunteer, date, hours, content) is skipped, so resending a file changes nothing.");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest http, VolunteersDbContext db, CallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxImportBytes;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new List<ImportError>();
        var rejectedWhileReading = 0;
        var rows = 0;

        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, """
            CREATE TEMP TABLE hours_staging (line int, volunteer_number text, service_date date, hours numeric(6,2), content text) ON COMMIT DROP
            """, cancellationToken);

        await using (var csv = CsvFiles.Open(http.Body))
        {
            if (await CsvFiles.MissingColumnsAsync(csv, ["volunteer_number", "service_date", "hours", "content"], cancellationToken) is { } missing)
                return missing;
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY hours_staging (line, volunteer_number, service_date, hours, content) FROM STDIN (FORMAT BINARY)", cancellationToken);
            while (await csv.ReadAsync(cancellationToken))
            {
                rows++;
                var line = (int)csv.LineNumber;
                var number = CsvFiles.Field(csv, "volunteer_number");
                var content = CsvFiles.Field(csv, "content");
                string? problem = null, field = null;
                if (!DateOnly.TryParseExact(CsvFiles.Field(csv, "service_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    (field, problem) = ("service_date", "A date like 2026-05-01 is required.");
                else if (!decimal.TryParse(CsvFiles.Field(csv, "hours"), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours))
                    (field, problem) = ("hours", "A number of hours is required.");
                else if (number.Length == 0)
                    (field, problem) = ("volunteer_number", "The volunteer number is required.");
                else if (content.Length is 0 or > 500)
                    (field, problem) = ("content", "A content of 1 to 500 characters is required.");
                else
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(line, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(number, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(hours, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(content, NpgsqlDbType.Text, cancellationToken);
                    continue;
                }
                rejectedWhileReading++;
                if (errors.Count < ImportReport.MaxListedErrors) errors.Add(new ImportError(line, field, problem));
            }
            await copy.CompleteAsync(cancellationToken);
        }

        // Validated in the database, against the volunteers table; a unit-scoped client sees only its own volunteers.
        const string invalid = """
            FROM hours_staging s LEFT JOIN volunteers.volunteers v ON v.number = s.volunteer_number AND (@unit IS NULL OR v.unit_code = @unit)
            WHERE v.id IS NULL OR s.hours <= 0 OR s.hours > 24 OR s.service_date > @today
            """;
        var rejectedInDatabase = 0;
        await using (var bad = new NpgsqlCommand($"""
            SELECT s.line, CASE WHEN v.id IS NULL THEN 'volunteer_number' WHEN s.service_date > @today THEN 'service_date' ELSE 'hours' END,
                   CASE WHEN v.id IS NULL THEN 'No volunteer has this number.'
                        WHEN s.service_date > @today THEN 'Service cannot be recorded before it happens.'
                        ELSE 'Hours of one record are more than 0 and at most 24.' END,
                   count(*) OVER ()
            {invalid} ORDER BY s.line LIMIT {ImportReport.MaxListedErrors}
            """, connection, transaction))
        {
            bad.Parameters.AddWithValue("unit", NpgsqlDbType.Text, (object?)caller.UnitId ?? DBNull.Value);
            bad.Parameters.AddWithValue("today", today);
            await using var reader = await bad.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rejectedInDatabase = (int)reader.GetInt64(3);
                if (errors.Count < ImportReport.MaxListedErrors) errors.Add(new ImportError(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        int imported;
        await using (var merge = new NpgsqlCommand("""
            INSERT INTO volunteers.service_records (id, volunteer_id, unit_code, source, source_reference, service_date, hours, content, recorded_by, recorded_at, status)
            SELECT gen_random_uuid(), v.id, v.unit_code, 'Import',
                   md5(s.volunteer_number || '|' || s.service_date || '|' || s.hours || '|' || s.content),
                   s.service_date, s.hours, s.content, @actor, @now, 'Pending'
            FROM hours_staging s JOIN volunteers.volunteers v ON v.number = s.volunteer_number AND (@unit IS NULL OR v.unit_code = @unit)
            WHERE s.hours > 0 AND s.hours <= 24 AND s.service_date <= @today
            ON CONFLICT DO NOTHING
            """, connection, transaction))
        {
            merge.Parameters.AddWithValue("unit", NpgsqlDbType.Text, (object?)caller.UnitId ?? DBNull.Value);
            merge.Parameters.AddWithValue("today", today);
            merge.Parameters.AddWithValue("actor", caller.ClientId ?? "unknown");
            merge.Parameters.AddWithValue("now", now);
            merge.CommandTimeout = 600;
            imported = await merge.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        var rejected = rejectedWhileReading + rejectedInDatabase;
        var batch = new ImportBatch(ImportKind.ServiceRecords, caller.ClientId ?? "unknown", caller.UnitId, rows, imported,
            rows - rejected - imported, rejected, now);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ImportReport(batch.Id, rows, imported, batch.Skipped, rejected, [.. errors.OrderBy(e => e.Line)]));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
