using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Civility.Bench;

/// <summary>The hours import of a generated CSV beside PostgreSQL loading the same file by itself, then the targets report over those records.</summary>
internal static class HoursImport
{
    private const int UnitCount = 20;

    public static async Task RunAsync(BenchContext context)
    {
        var records = context.Options.Records;
        var numbers = await RegisterVolunteersAsync(context);
        var file = await WriteCsvAsync(context, numbers);
        var megabytes = new FileInfo(file).Length / 1048576.0;
        Console.WriteLine($"   {records:N0} rows, {megabytes:F0} MiB");

        var (importedRows, importTime) = await ImportAsync(context, file);
        var importRate = records / importTime.TotalSeconds;
        Console.WriteLine($"   import: {importedRows:N0} imported in {importTime.TotalSeconds:F1} s = {importRate:F0} rows/s");
        var (copyTime, insertTime) = await DatabaseAloneAsync(context.CivilityDatabaseAsSuperuser, file);
        var aloneTime = copyTime + insertTime;
        Console.WriteLine($"   PostgreSQL alone: \\copy {copyTime.TotalSeconds:F1} s + indexed insert {insertTime.TotalSeconds:F1} s");
        var ratio = aloneTime / importTime;
        // The issue asks for "well under a minute"; half a minute is the line drawn here.
        var met = ratio >= 0.50 && importTime < TimeSpan.FromSeconds(30);
        context.Report.Add("Hours import", $"{records:N0}-row CSV ({megabytes:F0} MiB) streamed to the volunteers service's import endpoint; {importedRows:N0} imported",
            $"{importRate:F0} rows/s ({importTime.TotalSeconds:F1} s)",
            $"{records / aloneTime.TotalSeconds:F0} rows/s PostgreSQL alone (\\copy {copyTime.TotalSeconds:F1} s + indexed insert {insertTime.TotalSeconds:F1} s)",
            $"{ratio:F2}", "≥ 0.50 and < 30 s", met);

        var approved = await ApproveAsync(context);
        await TargetsReportAsync(context, approved);
    }

    /// <summary>Units with a headcount, and volunteers in them; their numbers, which the CSV rows name.</summary>
    private static async Task<List<string>> RegisterVolunteersAsync(BenchContext context)
    {
        var gateway = context.Gateway;
        var volunteerCount = Math.Min(1_000, Math.Max(200, context.Options.Records / 1_000));
        for (var u = 0; u < UnitCount; u++)
        {
            using var created = await gateway.PostAsJsonAsync("/api/volunteers/units", new { code = $"BENCH-{u:D2}", name = $"Bench unit {u}" });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var headcount = await gateway.PutAsJsonAsync($"/api/volunteers/units/{id}/headcounts/2026", new { headcount = volunteerCount / UnitCount + 10 });
            headcount.EnsureSuccessStatusCode();
        }
        // Volunteers through the CSV import, in chunks of 200: each registration is protected and audited one by one,
        // and a chunk must answer within the gateway's 30 s activity timeout.
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < volunteerCount; start += 200)
        {
            var csv = new StringBuilder("name,id_number,phone,unit_code,is_staff,skills\n");
            for (var i = start; i < Math.Min(volunteerCount, start + 200); i++)
                csv.Append(CultureInfo.InvariantCulture, $"Bench Volunteer {i},{Synthetic.CitizenId(i)},,BENCH-{i % UnitCount:D2},true,\n");
            using var imported = await gateway.PostAsync("/api/volunteers/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
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
        return numbers;
    }

    /// <summary>The CSV: every row distinct (the import skips a row sent again), dates in 2026 up to today.</summary>
    private static async Task<string> WriteCsvAsync(BenchContext context, List<string> numbers)
    {
        var file = Path.Combine(context.Stack.DataDirectory, "hours.csv");
        var days = Math.Max(1, Math.Min(300, DateTime.UtcNow.DayOfYear - 2));
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteAsync("volunteer_number,service_date,hours,content\n");
        var first = new DateOnly(2026, 1, 1);
        for (var i = 0; i < context.Options.Records; i++)
        {
            var date = first.AddDays(i % days);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{numbers[i % numbers.Count]},{date:yyyy-MM-dd},{1 + i % 8}.5,Ward service shift {i}\n"));
        }
        return file;
    }

    /// <summary>
    /// The import endpoint, streamed straight to the volunteers service: the gateway's route has a 30 s activity
    /// timeout, and the endpoint sends nothing while it validates and merges a million staged rows.
    /// </summary>
    private static async Task<(int Imported, TimeSpan Elapsed)> ImportAsync(BenchContext context, string file)
    {
        using var direct = Load.Client(context.VolunteersUri, context.AdminToken, 1);
        var clock = Stopwatch.StartNew();
        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new("text/csv");
        using var response = await direct.PostAsync("/api/volunteers/service-records/import", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        var imported = JsonDocument.Parse(text).RootElement.GetProperty("imported").GetInt32();
        return (imported, clock.Elapsed);
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
        var psql = new ProcessStartInfo("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-c", $"\\copy public.bench_hours_copy FROM '{file}' WITH (FORMAT csv, HEADER true)"])
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
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Approvals go through the API: they keep the per-unit hour totals the report reads.</summary>
    private static async Task<int> ApproveAsync(BenchContext context)
    {
        var clock = Stopwatch.StartNew();
        var toApprove = context.Options.Quick ? 1_000 : 5_000;
        var approved = 0;
        while (approved < toApprove && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var pending = await context.Gateway.GetFromJsonAsync<JsonElement>("/api/volunteers/service-records?status=pending&page=1&pageSize=200");
            var ids = pending.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();
            if (ids.Length == 0) break;
            using var response = await context.Gateway.PostAsJsonAsync("/api/volunteers/service-records/approve", new { ids });
            response.EnsureSuccessStatusCode();
            approved += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approved").GetInt32();
        }
        Console.WriteLine($"   approved {approved:N0} records through the API in {clock.Elapsed.TotalSeconds:F1} s");
        return approved;
    }

    /// <summary>The targets report's latency, one request at a time.</summary>
    private static async Task TargetsReportAsync(BenchContext context, int approved)
    {
        Func<int, HttpRequestMessage> targets = _ => new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/reports/targets?year=2026");
        await Load.RunAsync(context.Gateway, targets, 1, TimeSpan.FromSeconds(2), 20);
        var result = await Load.RunAsync(context.Gateway, targets, 1, TimeSpan.FromSeconds(Math.Max(5, context.Options.LoadSeconds)),
            context.Options.Quick ? 50 : 300);
        Console.WriteLine($"   targets {result}");
        context.Report.Add("Targets report",
            $"GET /reports/targets?year=2026 via gateway, {context.Options.Records:N0} records ({approved:N0} approved), {UnitCount} units, sequential",
            $"p50 {result.Percentile(50):F1} ms, p95 {result.Percentile(95):F1} ms", "—", "—", "p95 < 50 ms", result.Percentile(95) < 50);
    }
}
