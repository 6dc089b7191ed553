using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Civility.Bench;

/// <summary>
/// The hours import of a generated CSV beside PostgreSQL loading the same file by itself, then the targets report over those records.
/// </summary>
internal static class HoursImport
{
    private const int UnitCount = 20;

    /// <summary>Days back from the county's yesterday the records are spread over: within Volunteers:MaxRecordAgeDays (366).</summary>
    private const int Days = 360;

    /// <summary>Records of one volunteer on one day at most, of at most 3.5 h each: within the daily limit (12 h).</summary>
    private const int RecordsPerVolunteerDay = 3;

    /// <summary>
    /// Lines of each kind the rules refuse, appended to the file: over the daily limit, and after the county's today.
    /// (The harness imports as an administrator, who may import records older than the age limit.)
    /// </summary>
    private const int RefusedOfEachKind = 100;

    public static async Task RunAsync(BenchContext context)
    {
        var records = context.Options.Records;
        var today = Synthetic.CountyToday();
        var (numbers, titles) = await RegisterVolunteersAsync(context, today.Year);
        var (file, refused) = await WriteCsvAsync(context, numbers, today);
        var megabytes = new FileInfo(file).Length / 1048576.0;
        Console.WriteLine($"   {records:N0} rows and {refused:N0} the rules refuse, {megabytes:F0} MiB");

        var (importedRows, rejectedRows, importTime) = await ImportAsync(context, file);
        var importRate = records / importTime.TotalSeconds;
        Console.WriteLine($"   import: {importedRows:N0} imported, {rejectedRows:N0} refused, "
            + $"in {importTime.TotalSeconds:F1} s = {importRate:F0} rows/s");
        var (copyTime, insertTime) = await DatabaseAloneAsync(context.CivilityDatabaseAsSuperuser, file);
        var aloneTime = copyTime + insertTime;
        Console.WriteLine($"   PostgreSQL alone: \\copy {copyTime.TotalSeconds:F1} s + indexed insert {insertTime.TotalSeconds:F1} s");
        var ratio = aloneTime / importTime;
        var met = ratio >= 0.90 && importTime < TimeSpan.FromSeconds(30) && importedRows == records && rejectedRows == refused;
        context.Report.Add("Hours import",
            $"{records:N0}-row CSV ({megabytes:F0} MiB, and {refused:N0} lines the rules refuse) streamed to the volunteers service's "
            + $"import endpoint, every rule checked on every row; {importedRows:N0} imported, {rejectedRows:N0} refused",
            $"{importRate:F0} rows/s ({importTime.TotalSeconds:F1} s)",
            $"{records / aloneTime.TotalSeconds:F0} rows/s PostgreSQL alone "
            + $"(\\copy {copyTime.TotalSeconds:F1} s + indexed insert {insertTime.TotalSeconds:F1} s)",
            $"{ratio:F2}", "≥ 0.90, < 30 s, every good row in and every bad one out", met);

        var approved = await BulkApproval.RunAsync(context, titles, [today.Year - 1, today.Year]);
        await TargetsReportAsync(context, approved, today.Year);
    }

    /// <summary>
    /// Units with a headcount for the year, each with a civilized-unit title in the pairing service (whose indicators
    /// are compared with the targets report), and volunteers in them; their numbers, which the CSV rows name.
    /// </summary>
    private static async Task<(List<string> Numbers, Dictionary<string, Guid> Titles)> RegisterVolunteersAsync(
        BenchContext context, int year)
    {
        var gateway = context.Gateway;
        var volunteerCount = Math.Min(1_000, Math.Max(200, context.Options.Records / 1_000));
        var titles = new Dictionary<string, Guid>();
        for (var u = 0; u < UnitCount; u++)
        {
            var code = $"BENCH-{u:D2}";
            using var created = await gateway.PostAsJsonAsync("/api/volunteers/units", new { code, name = $"Bench unit {u}" });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var headcount = await gateway.PutAsJsonAsync($"/api/volunteers/units/{id}/headcounts/{year}",
                new { headcount = volunteerCount / UnitCount + 10 });
            headcount.EnsureSuccessStatusCode();
            using var title = await gateway.PostAsJsonAsync("/api/pairing/civilized-units", new
            {
                unitCode = code, name = $"Bench unit {u}", creditCode = Synthetic.CreditCode(u), level = "county",
                termStart = Synthetic.CountyToday().AddYears(-1),
            });
            title.EnsureSuccessStatusCode();
            titles[code] = (await title.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        // Volunteers through the CSV import, in chunks of 200: each registration is protected and audited one by one,
        // and a chunk must answer within the gateway's 30 s activity timeout.
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < volunteerCount; start += 200)
        {
            var csv = new StringBuilder("name,id_number,phone,unit_code,is_staff,skills\n");
            for (var i = start; i < Math.Min(volunteerCount, start + 200); i++)
                csv.Append(CultureInfo.InvariantCulture, $"Bench Volunteer {i},{Synthetic.CitizenId(i)},,BENCH-{i % UnitCount:D2},true,\n");
            using var imported = await gateway.PostAsync("/api/volunteers/import",
                new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            imported.EnsureSuccessStatusCode();
        }
        var numbers = new List<string>();
        for (var page = 1; numbers.Count < volunteerCount && page < 1_000; page++)
        {
            var listed = await gateway.GetFromJsonAsync<JsonElement>($"/api/volunteers?page={page}&pageSize=200");
            var items = listed.GetProperty("items");
            if (items.GetArrayLength() == 0) break;
            numbers.AddRange(items.EnumerateArray().Select(v => v.GetProperty("number").GetString()!));
        }
        Console.WriteLine($"   {numbers.Count} volunteers in {UnitCount} units ready in {clock.Elapsed.TotalSeconds:F1} s");
        return (numbers, titles);
    }

    /// <summary>
    /// The CSV: every row distinct (the import skips a row sent again) and within the rules whatever the date: dated
    /// from the county's yesterday back over <see cref="Days"/> days, at most <see cref="RecordsPerVolunteerDay"/>
    /// records of 1.5–3.5 h for a volunteer on a day. Then lines the rules refuse, which the import must leave out
    /// and report: a day's hours over the limit, a date after the county's today.
    /// </summary>
    private static async Task<(string File, int Refused)> WriteCsvAsync(BenchContext context, List<string> numbers, DateOnly today)
    {
        var records = context.Options.Records;
        var volunteerDays = (long)numbers.Count * Days;
        if (records > volunteerDays * RecordsPerVolunteerDay)
            throw new InvalidOperationException(
                $"{records:N0} records do not fit the daily limit for {numbers.Count} volunteers over {Days} days.");
        var file = Path.Combine(context.Stack.DataDirectory, "hours.csv");
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteAsync("volunteer_number,service_date,hours,content\n");
        for (var i = 0; i < records; i++)
        {
            var date = today.AddDays(-1 - (int)(i / numbers.Count % Days));
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{numbers[i % numbers.Count]},{date:yyyy-MM-dd},{1 + i % 3}.5,Ward service shift {i}\n"));
        }
        var refusedOfEachKind = Math.Min(RefusedOfEachKind, numbers.Count);
        for (var v = 0; v < refusedOfEachKind; v++)
        {
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{numbers[v]},{today.AddDays(-1):yyyy-MM-dd},12,Night shift beyond the day's limit {v}\n"));
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{numbers[v]},{today.AddDays(1):yyyy-MM-dd},2,Service not yet done {v}\n"));
        }
        return (file, 2 * refusedOfEachKind);
    }

    /// <summary>
    /// The import endpoint, streamed straight to the volunteers service: the gateway's route has a 30 s activity
    /// timeout, and the endpoint sends nothing while it validates and merges a million staged rows.
    /// </summary>
    private static async Task<(int Imported, int Rejected, TimeSpan Elapsed)> ImportAsync(BenchContext context, string file)
    {
        using var direct = Load.Client(context.VolunteersUri, context.AdminToken, 1);
        var clock = Stopwatch.StartNew();
        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new("text/csv");
        using var response = await direct.PostAsync("/api/volunteers/service-records/import", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        var report = JsonDocument.Parse(text).RootElement;
        return (report.GetProperty("imported").GetInt32(), report.GetProperty("rejected").GetInt32(), clock.Elapsed);
    }

    /// <summary>
    /// The baseline: PostgreSQL taking in the same file by itself, as a database administrator would load it at best:
    /// psql <c>\copy</c> into a plain table, then one INSERT … SELECT into a table shaped and indexed like
    /// <c>service_records</c>, volunteers looked up by number, a dedup key computed in SQL, rows in key order with ids
    /// in that order. No row is checked and nothing is deduplicated, so this is less than the import's work. Both
    /// tables are dropped afterwards.
    /// </summary>
    private static async Task<(TimeSpan Copy, TimeSpan Insert)> DatabaseAloneAsync(string superuser, string file)
    {
        var server = new NpgsqlConnectionStringBuilder(superuser);
        var database = string.IsNullOrEmpty(server.Database) ? "postgres" : server.Database;
        await ExecuteAsync(superuser, """
            DROP TABLE IF EXISTS public.bench_hours_copy, public.bench_service_records;
            CREATE TABLE public.bench_hours_copy (volunteer_number text, service_date date, hours numeric(6,2), content text);
            CREATE TABLE public.bench_service_records (LIKE volunteers.service_records INCLUDING ALL);
            """);
        var clock = Stopwatch.StartNew();
        var psql = new ProcessStartInfo("psql",
            ["-v", "ON_ERROR_STOP=1", "-q", "-c", $"\\copy public.bench_hours_copy FROM '{file}' WITH (FORMAT csv, HEADER true)"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psql.Environment["PGHOST"] = server.Host;
        psql.Environment["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture);
        psql.Environment["PGUSER"] = server.Username;
        psql.Environment["PGPASSWORD"] = server.Password;
        psql.Environment["PGDATABASE"] = database;
        using (var process = Process.Start(psql)!)
        {
            using var psqlTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(psqlTimeout.Token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"psql failed: {await process.StandardError.ReadToEndAsync()}");
        }
        var copy = clock.Elapsed;
        await ExecuteAsync(superuser, """
            BEGIN;
            SET LOCAL work_mem = '256MB';
            INSERT INTO public.bench_service_records
                (id, volunteer_id, unit_code, source, source_reference, service_date, hours, content, recorded_by, recorded_at, status)
            SELECT lpad(to_hex(row_number() OVER (ORDER BY k.volunteer_id, k.source_reference)), 32, '0')::uuid,
                   k.volunteer_id, k.unit_code, 'Import', k.source_reference, k.service_date, k.hours, k.content, 'bench', now(), 'Pending'
            FROM (SELECT v.id AS volunteer_id, v.unit_code, c.service_date, c.hours, c.content,
                         md5(c.volunteer_number || '|' || c.service_date || '|' || c.hours || '|' || c.content) AS source_reference
                  FROM public.bench_hours_copy c JOIN volunteers.volunteers v ON v.number = c.volunteer_number
                  ORDER BY 1, 6) k;
            COMMIT;
            """, TimeSpan.FromMinutes(10));
        var insert = clock.Elapsed - copy;
        await ExecuteAsync(superuser, "DROP TABLE public.bench_hours_copy, public.bench_service_records");
        return (copy, insert);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, TimeSpan? timeout = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection)
        {
            CommandTimeout = (int)(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds,
        };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The targets report's latency, one request at a time.</summary>
    private static async Task TargetsReportAsync(BenchContext context, int approved, int year)
    {
        Func<int, HttpRequestMessage> targets = _ => new HttpRequestMessage(HttpMethod.Get, $"/api/volunteers/reports/targets?year={year}");
        await Load.RunAsync(context.Gateway, targets, 1, TimeSpan.FromSeconds(2), 20);
        var result = await Load.RunAsync(context.Gateway, targets, 1, TimeSpan.FromSeconds(Math.Max(5, context.Options.LoadSeconds)),
            context.Options.Quick ? 50 : 300);
        Console.WriteLine($"   targets {result}");
        context.Report.Add("Targets report",
            $"GET /reports/targets?year={year} via gateway, {context.Options.Records:N0} records ({approved:N0} approved), "
            + $"{UnitCount} units, sequential",
            $"p50 {result.Percentile(50):F1} ms, p95 {result.Percentile(95):F1} ms", "—", "—", "p95 < 50 ms",
            result.Percentile(95) < 50);
    }
}
