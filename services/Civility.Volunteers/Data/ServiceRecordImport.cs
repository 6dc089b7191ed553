using System.Globalization;
using Civility.Volunteers.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Civility.Volunteers.Data;

/// <param name="Staged">Reading, checking and copying the rows in.</param>
/// <param name="Merged">The merge into <c>service_records</c> and the commit.</param>
public sealed record ServiceRecordImportResult(int Rows, int Imported, int Rejected, IReadOnlyList<ImportError> Errors, TimeSpan Staged, TimeSpan Merged);

/// <summary>
/// The bulk path for service hours (a million rows in seconds, not minutes): every row is checked in the service as
/// it streams in — volunteer number looked up in memory, date, hours, content — and the good ones go by binary COPY
/// into a temporary table already in their final shape (time-ordered ids, the dedup key computed here), so that the
/// merge into <c>service_records</c> is a single INSERT … SELECT with no per-row function calls, in key order,
/// leaving out rows already imported (an anti-join on the (volunteer, source, key) unique index) and repeats
/// within the same file. All of it is one transaction: a failed import leaves nothing behind.
/// </summary>
public sealed class ServiceRecordImport(VolunteersDbContext db)
{
    public static readonly string[] Columns = ["volunteer_number", "service_date", "hours", "content"];

    public async Task<ServiceRecordImportResult> RunAsync(CsvReader csv, string? unitCode, string actor, DateTimeOffset now, int maxListedErrors,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var volunteers = await VolunteersByNumberAsync(unitCode, cancellationToken);
        var errors = new List<ImportError>();
        var rows = 0;
        var rejected = 0;
        int[] column = [.. Columns.Select(c => csv.TryGetFieldIndex(c, out var i) ? i : -1)];

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE hours_staging (id uuid, volunteer_id uuid, unit_code text, source_reference text, service_date date,
                                             hours numeric(6,2), content text) ON COMMIT DROP
            """, cancellationToken);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY hours_staging (id, volunteer_id, unit_code, source_reference, service_date, hours, content) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                rows++;
                var number = Field(csv, column[0]);
                var dateText = Field(csv, column[1]);
                var hoursText = Field(csv, column[2]);
                var content = Field(csv, column[3]);
                if (Check(number, dateText, hoursText, content, today, volunteers) is { } problem)
                {
                    rejected++;
                    if (errors.Count < maxListedErrors) errors.Add(problem with { Line = (int)csv.LineNumber });
                    continue;
                }
                var date = DateOnly.ParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var hours = Hours(hoursText);
                var volunteer = volunteers[number];
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(volunteer.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(volunteer.UnitCode, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(ServiceRecord.ImportKey(number, date, hours, content), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(hours, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(content, NpgsqlDbType.Text, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        var staged = clock.Elapsed;
        // Imports run one at a time (the lock ends with the transaction), so that the rows already imported can be
        // left out by a plain anti-join and the insert needs no ON CONFLICT: a speculative insertion per row costs
        // a third of the merge. No other source writes "Import" rows, so nothing else can race them.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended('volunteers.service-record-import', 0))", cancellationToken);
        // Room to sort a million keys in memory: inserting in key order keeps the unique index's pages hot.
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'", cancellationToken);
        int imported;
        await using (var merge = new NpgsqlCommand($"""
            INSERT INTO {VolunteersDbContext.Schema}.service_records
                (id, volunteer_id, unit_code, source, source_reference, service_date, hours, content, recorded_by, recorded_at, status)
            SELECT DISTINCT ON (s.volunteer_id, s.source_reference)
                   s.id, s.volunteer_id, s.unit_code, @source, s.source_reference, s.service_date, s.hours, s.content, @actor, @now, @status
            FROM hours_staging s
            WHERE NOT EXISTS (SELECT 1 FROM {VolunteersDbContext.Schema}.service_records r
                              WHERE r.volunteer_id = s.volunteer_id AND r.source = @source AND r.source_reference = s.source_reference)
            ORDER BY s.volunteer_id, s.source_reference
            """, connection, transaction))
        {
            merge.Parameters.AddWithValue("source", nameof(ServiceRecordSource.Import));
            merge.Parameters.AddWithValue("status", nameof(ServiceRecordStatus.Pending));
            merge.Parameters.AddWithValue("actor", actor);
            merge.Parameters.AddWithValue("now", now);
            merge.CommandTimeout = 600;
            imported = await merge.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ServiceRecordImportResult(rows, imported, rejected, errors, staged, clock.Elapsed - staged);
    }

    private static ImportError? Check(string number, string date, string hours, string content, DateOnly today,
        Dictionary<string, (Guid Id, string UnitCode)> volunteers)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var serviceDate))
            return new(0, "service_date", "A date like 2026-05-01 is required.");
        if (serviceDate > today) return new(0, "service_date", "Service cannot be recorded before it happens.");
        if (!decimal.TryParse(hours, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            return new(0, "hours", "A number of hours is required.");
        if (ServiceRecord.HoursProblem(Hours(hours)) is { } problem) return new(0, "hours", problem);
        if (number.Length == 0) return new(0, "volunteer_number", "The volunteer number is required.");
        if (!volunteers.ContainsKey(number)) return new(0, "volunteer_number", "No volunteer has this number.");
        if (content.Length is 0 or > 500) return new(0, "content", "A content of 1 to 500 characters is required.");
        return null;
    }

    /// <summary>Hours to the hundredth as the numeric(6,2) column keeps them (half away from zero, like PostgreSQL).</summary>
    private static decimal Hours(string text) =>
        decimal.Round(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero);

    private static string Field(CsvReader csv, int index) => index < 0 ? "" : (csv.GetStringOrNull(index) ?? "").Trim();

    /// <summary>Who may be credited: every volunteer, or a unit-scoped client's own. Thousands of rows, read once.</summary>
    private async Task<Dictionary<string, (Guid Id, string UnitCode)>> VolunteersByNumberAsync(string? unitCode, CancellationToken cancellationToken) =>
        await db.Volunteers.AsNoTracking()
            .Where(v => unitCode == null || v.UnitCode == unitCode)
            .Select(v => new { v.Number, v.Id, v.UnitCode })
            .ToDictionaryAsync(v => v.Number, v => (v.Id, v.UnitCode), StringComparer.Ordinal, cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
