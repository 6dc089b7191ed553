using System.Globalization;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Http;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Civility.Volunteers.Application;

/// <summary>
/// The bulk path for service hours (a million rows in seconds, not minutes): every row is checked in the service as
/// it streams in — volunteer number looked up in memory, date, hours, content — and the good ones go by binary COPY
/// into a temporary table already in their final shape (the dedup key computed here), so that the merge into
/// <c>service_records</c> is a single INSERT … SELECT in key order, leaving out rows already imported (an anti-join
/// on the (volunteer, source, key) unique index) and repeats within the same file. The rows, and the
/// <see cref="ImportBatch"/> that records who sent them, commit in one transaction: a failed import leaves nothing.
/// </summary>
public sealed class ImportServiceRecords(VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> options,
    ILogger<ImportServiceRecords> logger) : IUseCase
{
    public static readonly string[] Columns = ["volunteer_number", "service_date", "hours", "content"];

    private const short StagedColumns = 7;

    /// <summary>Encoded rows go to the connection in pieces of about this size.</summary>
    private const int SendBytes = 256 * 1024;

    private readonly HoursLimits _limits = options.Value;

    /// <summary>
    /// Imports the rows of <paramref name="csv"/> (its header read). A unit-scoped client credits only its own unit's
    /// volunteers; an administrator may import hours older than <see cref="HoursLimits.MaxRecordAgeDays"/>.
    /// </summary>
    public async Task<ImportReport> ExecuteAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        var unitCode = caller.IsUnitScoped ? caller.UnitId : null;
        var volunteers = await VolunteersByNumberAsync(unitCode, cancellationToken);
        // The file streams in only once, so unlike other writes an import cannot be retried after a transient failure
        // (the strategy logs it): it fails, and the client sends the file again, which adds nothing twice.
        var attempts = 0;
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => ++attempts == 1
            ? ImportAsync(csv, volunteers, unitCode, caller.IsAdmin, caller.Actor, clock.GetUtcNow(), ImportReport.MaxListedErrors, ct)
            : throw new InvalidOperationException("The hours import was interrupted by a database failure; send the file again."),
            cancellationToken);
        logger.LogInformation("Hours import of {Rows} rows: {Imported} imported, {Skipped} skipped, {Rejected} rejected; "
            + "staged in {StagedMs} ms, merged in {MergedMs} ms",
            result.Rows, result.Imported, result.Skipped, result.Rejected, (long)result.Staged.TotalMilliseconds,
            (long)result.Merged.TotalMilliseconds);
        return new ImportReport(result.BatchId, result.Rows, result.Imported, result.Skipped, result.Rejected,
            [.. result.Errors.OrderBy(e => e.Line)]);
    }

    /// <param name="Staged">Reading, checking and copying the rows in.</param>
    /// <param name="Merged">The merge into <c>service_records</c>, the batch record and the commit.</param>
    private sealed record Result(Guid BatchId, int Rows, int Imported, int Skipped, int Rejected, IReadOnlyList<ImportError> Errors,
        TimeSpan Staged, TimeSpan Merged);

    private async Task<Result> ImportAsync(CsvReader csv, Dictionary<string, (Guid Id, string UnitCode)> volunteers,
        string? unitCode, bool byAdministrator, string actor, DateTimeOffset now, int maxListedErrors, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rules = new RowRules(CountyClock.CountyDate(now), _limits, byAdministrator);
        var read = await StageAsync(connection, csv, volunteers, rules, maxListedErrors, cancellationToken);
        var staged = stopwatch.Elapsed;
        // Imports run one at a time (the lock ends with the transaction), so that the rows already imported can be
        // left out by a plain anti-join and the insert needs no ON CONFLICT: a speculative insertion per row costs
        // a third of the merge. No other source writes "Import" rows, so nothing else can race them.
        await ExecuteAsync(
            connection, "SELECT pg_advisory_xact_lock(hashtextextended('volunteers.service-record-import', 0))", cancellationToken);
        var overTheDay = await LeaveOutOverTheDailyLimitAsync(connection, _limits, cancellationToken);
        read = read with { Rejected = read.Rejected + overTheDay.Count };
        read.Errors.AddRange(overTheDay.Take(Math.Max(0, maxListedErrors - read.Errors.Count)));
        var imported = await MergeAsync(connection, actor, now, cancellationToken);
        var skipped = read.Rows - read.Rejected - imported;
        var batch = new ImportBatch(ImportKind.ServiceRecords, actor, unitCode, read.Rows, imported, skipped, read.Rejected, now);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(batch.Id, read.Rows, imported, skipped, read.Rejected, read.Errors, staged, stopwatch.Elapsed - staged);
    }

    private sealed record Reading(int Rows, int Rejected, List<ImportError> Errors);

    private readonly record struct RowRules(DateOnly Today, HoursLimits Limits, bool ByAdministrator);

    /// <summary>Reads and checks every row, copying the good ones into a temporary table for this transaction.</summary>
    private static async Task<Reading> StageAsync(
        NpgsqlConnection connection, CsvReader csv, Dictionary<string, (Guid Id, string UnitCode)> volunteers,
        RowRules rules, int maxListedErrors, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE hours_staging (volunteer_id uuid, unit_code text, source_reference text, service_date date,
                                             hours numeric(6,2), content text, line integer) ON COMMIT DROP
            """, cancellationToken);
        var errors = new List<ImportError>();
        var rows = 0;
        var rejected = 0;
        int[] column = [.. Columns.Select(c => csv.TryGetFieldIndex(c, out var i) ? i : -1)];
        var encoded = new BinaryCopyBuffer(SendBytes + 4096);
        encoded.Start();
        await using var copy = await connection.BeginRawBinaryCopyAsync(
            "COPY hours_staging (volunteer_id, unit_code, source_reference, service_date, hours, content, line) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        try
        {
            while (await csv.NextAsync(cancellationToken))
            {
                rows++;
                var number = Field(csv, column[0]);
                var content = Field(csv, column[3]);
                var (row, problem) = Check(number, Field(csv, column[1]), Field(csv, column[2]), content, rules, volunteers);
                if (problem is not null)
                {
                    rejected++;
                    if (errors.Count < maxListedErrors) errors.Add(problem with { Line = (int)csv.LineNumber });
                    continue;
                }
                encoded.StartRow(StagedColumns);
                encoded.Uuid(row.VolunteerId);
                encoded.Text(row.UnitCode);
                encoded.Text(ServiceRecord.ImportKey(number, row.Date, row.Hours, content));
                encoded.Date(row.Date);
                encoded.Hundredths(row.Hours);
                encoded.Text(content);
                encoded.Integer((int)csv.LineNumber);
                if (encoded.Length < SendBytes) continue;
                // PostgreSQL takes in one piece while the next is read and encoded.
                await copy.WriteAsync(encoded.Written, cancellationToken);
                encoded.Clear();
            }
            encoded.End();
            await copy.WriteAsync(encoded.Written, cancellationToken);
        }
        catch
        {
            // Otherwise closing the stream would end the COPY as if the rows so far were all.
            await copy.CancelAsync();
            throw;
        }
        return new Reading(rows, rejected, errors);
    }

    /// <summary>Inserts the staged rows not imported before; the number inserted.</summary>
    private static async Task<int> MergeAsync(
        NpgsqlConnection connection, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Room to sort a million keys in memory: inserting in key order keeps the unique index's pages hot.
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'", cancellationToken);
        // Ids are numbered in the order the rows go in, after one time-ordered id of this import (RFC 9562's counter
        // method: its timestamp and random bits, then a 48-bit row counter), so that the primary key is appended to:
        // ids made as the file was read reached the key in random order, which cost a third of the merge.
        await using var merge = new NpgsqlCommand($"""
            INSERT INTO {VolunteersDbContext.Schema}.service_records
                (id, volunteer_id, unit_code, source, source_reference, service_date, hours, content, recorded_by, recorded_at, status)
            SELECT (@id_prefix || lpad(to_hex(row_number() OVER (ORDER BY s.volunteer_id, s.source_reference)), 12, '0'))::uuid,
                   s.volunteer_id, s.unit_code, @source, s.source_reference, s.service_date, s.hours, s.content, @actor, @now, @status
            FROM (SELECT DISTINCT ON (s.volunteer_id, s.source_reference) s.*
                  FROM hours_staging s
                  WHERE NOT EXISTS (SELECT 1 FROM {VolunteersDbContext.Schema}.service_records r
                                    WHERE r.volunteer_id = s.volunteer_id AND r.source = @source
                                      AND r.source_reference = s.source_reference)
                  ORDER BY s.volunteer_id, s.source_reference) s
            """, connection);
        merge.Parameters.AddWithValue("id_prefix", Guid.CreateVersion7(now).ToString("N")[..20]);
        merge.Parameters.AddWithValue("source", nameof(ServiceRecordSource.Import));
        merge.Parameters.AddWithValue("status", nameof(ServiceRecordStatus.Pending));
        merge.Parameters.AddWithValue("actor", actor);
        merge.Parameters.AddWithValue("now", now);
        merge.CommandTimeout = 600;
        return await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes out of the staged rows those that would bring a volunteer's day over <see cref="HoursLimits.MaxHoursPerDay"/>
    /// with the hours already recorded (pending or approved) and the file's earlier lines of that day; a row repeated
    /// in the file goes with it. Most days of most files are far from the limit, so the exact count (which leaves out
    /// rows imported before) runs only on the days a quick over-estimate puts over it.
    /// </summary>
    private static async Task<List<ImportError>> LeaveOutOverTheDailyLimitAsync(NpgsqlConnection connection, HoursLimits limits,
        CancellationToken cancellationToken)
    {
        await using (var estimate = new NpgsqlCommand($"""
            CREATE TEMP TABLE heavy_days ON COMMIT DROP AS
            SELECT d.volunteer_id, d.service_date
            FROM (SELECT volunteer_id, service_date, sum(hours) AS hours FROM hours_staging GROUP BY volunteer_id, service_date) d
            LEFT JOIN (SELECT r.volunteer_id, r.service_date, sum(r.hours) AS hours
                       FROM {VolunteersDbContext.Schema}.service_records r
                       WHERE r.status IN ('Pending', 'Approved')
                         AND r.service_date BETWEEN (SELECT min(service_date) FROM hours_staging)
                                                AND (SELECT max(service_date) FROM hours_staging)
                       GROUP BY r.volunteer_id, r.service_date) e USING (volunteer_id, service_date)
            WHERE d.hours + coalesce(e.hours, 0) > @cap
            """, connection))
        {
            estimate.Parameters.AddWithValue("cap", limits.MaxHoursPerDay);
            await estimate.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand($"""
            WITH fresh AS (
                SELECT DISTINCT ON (s.volunteer_id, s.source_reference) s.line, s.volunteer_id, s.service_date, s.hours, s.source_reference
                FROM hours_staging s JOIN heavy_days h USING (volunteer_id, service_date)
                WHERE NOT EXISTS (SELECT 1 FROM {VolunteersDbContext.Schema}.service_records r
                                  WHERE r.volunteer_id = s.volunteer_id AND r.source = @source AND r.source_reference = s.source_reference)
                ORDER BY s.volunteer_id, s.source_reference, s.line),
            before AS (
                SELECT h.volunteer_id, h.service_date,
                       coalesce((SELECT sum(r.hours) FROM {VolunteersDbContext.Schema}.service_records r
                                 WHERE r.volunteer_id = h.volunteer_id AND r.service_date = h.service_date
                                   AND r.status IN ('Pending', 'Approved')), 0) AS hours
                FROM heavy_days h),
            running AS (
                SELECT f.volunteer_id, f.source_reference, f.service_date,
                       b.hours + sum(f.hours) OVER (PARTITION BY f.volunteer_id, f.service_date ORDER BY f.line) AS total
                FROM fresh f JOIN before b USING (volunteer_id, service_date))
            DELETE FROM hours_staging s USING running r
            WHERE r.total > @cap AND s.volunteer_id = r.volunteer_id AND s.source_reference = r.source_reference
            RETURNING s.line, s.service_date, r.total
            """, connection);
        command.Parameters.AddWithValue("cap", limits.MaxHoursPerDay);
        command.Parameters.AddWithValue("source", nameof(ServiceRecordSource.Import));
        var refused = new List<ImportError>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var date = reader.GetFieldValue<DateOnly>(1);
            refused.Add(new ImportError(reader.GetInt32(0), "hours",
                $"At most {limits.MaxHoursPerDay:0.##} hours a day per volunteer, all sources together: "
                + $"this line brings {date:yyyy-MM-dd} to {reader.GetDecimal(2):0.##}."));
        }
        return [.. refused.OrderBy(e => e.Line)];
    }

    private readonly record struct GoodRow(Guid VolunteerId, string UnitCode, DateOnly Date, decimal Hours);

    /// <summary>The row as it will be stored, or why it cannot be; each field is parsed once.</summary>
    private static (GoodRow Row, ImportError? Problem) Check(string number, string date, string hours, string content, RowRules rules,
        Dictionary<string, (Guid Id, string UnitCode)> volunteers)
    {
        if (!TryParseIsoDate(date, out var serviceDate)) return (default, new(0, "service_date", "A date like 2026-05-01 is required."));
        if (HoursRules.DateProblem(ServiceRecordSource.Import, serviceDate, rules.Today, rules.Limits, rules.ByAdministrator) is { } late)
            return (default, new(0, "service_date", late));
        if (!decimal.TryParse(hours, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            return (default, new(0, "hours", "A number of hours is required."));
        // To the hundredth as the numeric(6,2) column keeps them (half away from zero, like PostgreSQL).
        amount = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (ServiceRecord.HoursProblem(amount) is { } problem) return (default, new(0, "hours", problem));
        if (number.Length == 0) return (default, new(0, "volunteer_number", "The volunteer number is required."));
        if (!volunteers.TryGetValue(number, out var volunteer))
            return (default, new(0, "volunteer_number", "No volunteer has this number."));
        if (content.Length is 0 or > 500) return (default, new(0, "content", "A content of 1 to 500 characters is required."));
        if (HostileInput.Problem(content) is { } unsafeText) return (default, new(0, "content", unsafeText));
        return (new GoodRow(volunteer.Id, volunteer.UnitCode, serviceDate, amount), null);
    }

    /// <summary>Exactly yyyy-MM-dd, a real date; what DateOnly.TryParseExact accepts, without its culture machinery.</summary>
    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static string Field(CsvReader csv, int index) => index < 0 ? "" : (csv.GetStringOrNull(index) ?? "").Trim();

    /// <summary>Who may be credited: every volunteer, or a unit-scoped client's own. Thousands of rows, read once.</summary>
    private async Task<Dictionary<string, (Guid Id, string UnitCode)>> VolunteersByNumberAsync(
        string? unitCode, CancellationToken cancellationToken) =>
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
