using System.Globalization;
using System.Threading.Channels;
using Civility.Volunteers.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civility.Volunteers.Data;

/// <param name="Elapsed">Reading, checking, copying and merging, to the commit.</param>
public sealed record ServiceRecordImportResult(int Rows, int Imported, int Rejected, IReadOnlyList<ImportError> Errors, TimeSpan Elapsed);

/// <summary>
/// The bulk path for service hours (a million rows in seconds, not minutes). Every row is checked in the service as
/// it streams in — volunteer number looked up in memory, date, hours, content — and the good ones are encoded in
/// chunks for a binary COPY into a temporary table already in their final shape (time-ordered ids, the dedup key
/// computed here). Each chunk is then merged into <c>service_records</c> by one INSERT … SELECT in key order, leaving
/// out rows already imported (an anti-join on the (volunteer, source, key) unique index, which also sees the earlier
/// chunks) and repeats within the chunk. The two halves run at once on the two sides: the service reads and encodes
/// the next chunk while PostgreSQL merges the last one, so the import takes about as long as the merging alone.
/// All of it is one transaction: a failed import leaves nothing behind.
/// </summary>
public sealed class ServiceRecordImport(VolunteersDbContext db, int rowsPerChunk = ServiceRecordImport.DefaultRowsPerChunk)
{
    public static readonly string[] Columns = ["volunteer_number", "service_date", "hours", "content"];

    /// <summary>About 7 MiB encoded: big enough that a merge's fixed costs vanish, small enough to overlap well.</summary>
    public const int DefaultRowsPerChunk = 50_000;

    /// <summary>Configuration key of the chunk size (tests use tiny chunks to cross chunk boundaries).</summary>
    public const string RowsPerChunkSetting = "Volunteers:HoursImportRowsPerChunk";

    private const short StagedColumns = 7;

    private sealed record Reading(int Rows, int Rejected, List<ImportError> Errors);

    public async Task<ServiceRecordImportResult> RunAsync(CsvReader csv, string? unitCode, string actor, DateTimeOffset now, int maxListedErrors,
        CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var volunteers = await VolunteersByNumberAsync(unitCode, cancellationToken);

        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Imports run one at a time (the lock ends with the transaction), so that the rows already imported can be
        // left out by a plain anti-join and the insert needs no ON CONFLICT: a speculative insertion per row costs
        // a third of the merge. No other source writes "Import" rows, so nothing else can race them.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended('volunteers.service-record-import', 0))", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE hours_staging (id uuid, volunteer_id uuid, unit_code text, source_reference text, service_date date,
                                             hours numeric(6,2), content text) ON COMMIT DROP
            """, cancellationToken);

        // One chunk waits while the next is encoded: the reader stays at most two chunks ahead of the database.
        var chunks = Channel.CreateBounded<BinaryCopyBuffer>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(csv, volunteers, today, maxListedErrors, chunks.Writer, stop.Token), stop.Token);
        var imported = 0;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
                imported += await CopyAndMergeAsync(connection, transaction, chunk, actor, now, cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        // A file that cannot be read fails here, before anything is committed.
        var read = await reading;
        await transaction.CommitAsync(cancellationToken);
        return new ServiceRecordImportResult(read.Rows, imported, read.Rejected, read.Errors, clock.Elapsed);
    }

    /// <summary>Reads and checks the rows, encoding the good ones chunk by chunk; runs beside the merging.</summary>
    private async Task<Reading> ReadAsync(CsvReader csv, Dictionary<string, (Guid Id, string UnitCode)> volunteers, DateOnly today,
        int maxListedErrors, ChannelWriter<BinaryCopyBuffer> chunks, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var rows = 0;
        var rejected = 0;
        int[] column = [.. Columns.Select(c => csv.TryGetFieldIndex(c, out var i) ? i : -1)];
        var chunk = NewChunk();
        try
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
                chunk.StartRow(StagedColumns);
                chunk.Uuid(Guid.CreateVersion7());
                chunk.Uuid(volunteer.Id);
                chunk.Text(volunteer.UnitCode);
                chunk.Text(ServiceRecord.ImportKey(number, date, hours, content));
                chunk.Date(date);
                chunk.Hundredths(hours);
                chunk.Text(content);
                if (chunk.Rows < rowsPerChunk) continue;
                await chunks.WriteAsync(chunk, cancellationToken);
                chunk = NewChunk();
            }
            if (chunk.Rows > 0) await chunks.WriteAsync(chunk, cancellationToken);
            return new Reading(rows, rejected, errors);
        }
        finally
        {
            chunks.TryComplete();
        }
    }

    private BinaryCopyBuffer NewChunk() => new(Math.Min(rowsPerChunk, DefaultRowsPerChunk) * 160);

    private static async Task<int> CopyAndMergeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BinaryCopyBuffer chunk,
        string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var copy = await connection.BeginRawBinaryCopyAsync(
            "COPY hours_staging (id, volunteer_id, unit_code, source_reference, service_date, hours, content) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            await copy.WriteAsync(chunk.Complete(), cancellationToken);
        }
        // Inserting in key order keeps the unique index's pages hot.
        await using var merge = new NpgsqlCommand($"""
            INSERT INTO {VolunteersDbContext.Schema}.service_records
                (id, volunteer_id, unit_code, source, source_reference, service_date, hours, content, recorded_by, recorded_at, status)
            SELECT DISTINCT ON (s.volunteer_id, s.source_reference)
                   s.id, s.volunteer_id, s.unit_code, @source, s.source_reference, s.service_date, s.hours, s.content, @actor, @now, @status
            FROM hours_staging s
            WHERE NOT EXISTS (SELECT 1 FROM {VolunteersDbContext.Schema}.service_records r
                              WHERE r.volunteer_id = s.volunteer_id AND r.source = @source AND r.source_reference = s.source_reference)
            ORDER BY s.volunteer_id, s.source_reference
            """, connection, transaction);
        merge.Parameters.AddWithValue("source", nameof(ServiceRecordSource.Import));
        merge.Parameters.AddWithValue("status", nameof(ServiceRecordStatus.Pending));
        merge.Parameters.AddWithValue("actor", actor);
        merge.Parameters.AddWithValue("now", now);
        merge.CommandTimeout = 600;
        var inserted = await merge.ExecuteNonQueryAsync(cancellationToken);
        await ExecuteAsync(connection, "TRUNCATE hours_staging", cancellationToken);
        return inserted;
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
