using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Civility.Bench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;

// Civility benchmarks: starts the whole stack in local mode through the app host and measures each figure beside
// its baseline in the same run. `--quick` runs every benchmark with small sizes (a smoke run, no results file).
var quick = args.Contains("--quick");
var records = OptionInt("--records", quick ? 20_000 : 1_000_000);
var loadSeconds = OptionInt("--seconds", quick ? 4 : 16);
var workers = OptionInt("--workers", 16);
var report = new Report();
var dataDirectory = Path.Combine(Path.GetTempPath(), $"civility-bench-{Guid.NewGuid():N}"[..26]);
var total = Stopwatch.StartNew();
Console.WriteLine($"Civility benchmarks ({(quick ? "quick smoke run" : "full run")}): {records:N0} records, {loadSeconds} s loads, {workers} workers");

DistributedApplication app;
TimeSpan startup;
var healthyAt = new List<(string Resource, TimeSpan At)>();
var startupDetail = "";
try
{
    // 1. Start-up: app host start to all resources healthy.
    using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
    var clock = Stopwatch.StartNew();
    var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Civility_AppHost>(
        ["Infra:Mode=local", $"Infra:DataDir={dataDirectory}", "Gateway:Port=random",
         "Gateway:RateLimits:AnonymousPermits=100000000", "Gateway:RateLimits:AuthenticatedPermits=100000000"],
        startTimeout.Token);
    builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
        .AddFilter("Microsoft.Extensions.Http", LogLevel.None)
        .AddFilter("Polly", LogLevel.None)
        .AddFilter("Civility.AppHost.Resources", LogLevel.None)
        .AddFilter("System.Net.Http", LogLevel.None)
        .AddFilter("Aspire", LogLevel.Warning)
        .AddFilter("Civility", LogLevel.Warning));
    app = await builder.BuildAsync(startTimeout.Token);
    var builtAt = clock.Elapsed;
    string[] resources = ["postgres", "rabbitmq", "identity", "volunteers", "moral-models", "credit", "pairing", "gateway"];
    // When each resource first reports healthy, to see where the start-up time goes.
    using var watchStop = new CancellationTokenSource();
    var watch = Task.Run(async () =>
    {
        try
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync(watchStop.Token))
                if (e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                    lock (healthyAt)
                        if (!healthyAt.Any(h => h.Resource == e.Resource.Name)) healthyAt.Add((e.Resource.Name, clock.Elapsed));
        }
        catch (OperationCanceledException)
        {
        }
    });
    await app.StartAsync(startTimeout.Token);
    await Task.WhenAll(resources.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r, startTimeout.Token)));
    startup = clock.Elapsed;
    await watchStop.CancelAsync();
    await watch;
    lock (healthyAt)
        startupDetail = $"app host built {builtAt.TotalSeconds:F1} s; healthy at: "
            + string.Join(", ", healthyAt.Where(h => resources.Contains(h.Resource)).OrderBy(h => h.At).Select(h => $"{h.Resource} {h.At.TotalSeconds:F1} s"));
}
catch (Exception e)
{
    Console.Error.WriteLine($"The stack could not start: {e}");
    return 2;
}
Console.WriteLine($"   {startupDetail}");
report.Add("Start-up", $"app host start → all 8 resources healthy ({startupDetail})", $"{startup.TotalSeconds:F1} s", "—", "—", "< 25 s", startup.TotalSeconds < 25);
Console.WriteLine($"Started in {startup.TotalSeconds:F1} s");

var exitCode = 0;
try
{
    var gatewayUri = app.GetEndpoint("gateway", "http");
    var volunteersUri = app.GetEndpoint("volunteers", "http");
    var admin = await TokenAsync("civility-admin");
    using var gateway = Load.Client(gatewayUri, admin, workers);
    using var anonymous = Load.Client(gatewayUri, null, workers);
    var superuser = await app.GetConnectionStringAsync("postgres") ?? throw new InvalidOperationException("No postgres connection string.");
    var creditDb = await app.GetConnectionStringAsync("credit-db") ?? throw new InvalidOperationException("No credit-db connection string.");

    await Step("Gateway overhead", () => GatewayOverheadAsync(gateway, volunteersUri, admin));
    await Step("Hours import and targets report", () => HoursAsync(gateway, volunteersUri, admin, superuser));
    await Step("Public credit query", () => PublicCreditAsync(gateway, anonymous, creditDb));
    await Step("Event pipeline", () => EventPipelineAsync(gateway, superuser));
    await Step("Votes", () => VotesAsync(gateway, anonymous));
    Memory(superuser, volunteersUri.Authority);
}
catch (Exception e)
{
    Console.Error.WriteLine($"The run could not finish: {e}");
    exitCode = 1;
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

var table = report.Render(quick, total.Elapsed);
Console.WriteLine();
Console.WriteLine(table);
if (!quick && exitCode == 0)
{
    var resultsDirectory = Path.Combine(RepositoryRoot(), "bench", "results");
    Directory.CreateDirectory(resultsDirectory);
    var file = Path.Combine(resultsDirectory, $"{DateTime.UtcNow:yyyy-MM-dd}.md");
    await File.WriteAllTextAsync(file, table);
    Console.WriteLine($"Written to {file}");
}
return exitCode;

// ---------------------------------------------------------------------------------------------------------------

async Task Step(string name, Func<Task> step)
{
    Console.WriteLine($"== {name}");
    var clock = Stopwatch.StartNew();
    try
    {
        await step();
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"{name} failed: {e}");
        report.Missing(name, $"failed in this run: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    }
    Console.WriteLine($"   ({clock.Elapsed.TotalSeconds:F0} s)");
}

// 2. Gateway overhead: a cheap authenticated GET through the gateway and direct to the service.
async Task GatewayOverheadAsync(HttpClient gateway, Uri volunteersUri, string token)
{
    using var direct = Load.Client(volunteersUri, token, workers);
    Func<int, HttpRequestMessage> units = _ => new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/units");
    // Warm both paths (JIT, connection pools, token validation keys).
    await Load.RunAsync(direct, units, workers, TimeSpan.FromSeconds(2), 100_000);
    await Load.RunAsync(gateway, units, workers, TimeSpan.FromSeconds(2), 100_000);
    var bound = TimeSpan.FromSeconds(loadSeconds);
    var (directResult, gatewayResult) = await Load.AlternatingAsync(direct, units, gateway, units, workers, bound, 2_000_000);
    Console.WriteLine($"   direct  {directResult}");
    Console.WriteLine($"   gateway {gatewayResult}");
    var ratio = gatewayResult.Rps / directResult.Rps;
    report.Add("Gateway overhead (RPS)", $"GET /api/volunteers/units via gateway, {workers} workers, {loadSeconds} s",
        $"{gatewayResult.Rps:F0} req/s", $"{directResult.Rps:F0} req/s direct", $"{ratio:F2}", "≥ 0.60", ratio >= 0.60);
    var p50 = gatewayResult.Percentile(50) - directResult.Percentile(50);
    report.Add("Gateway overhead (latency)", "p50 / p99 under the same load",
        $"p50 {gatewayResult.Percentile(50):F2} ms, p99 {gatewayResult.Percentile(99):F2} ms",
        $"p50 {directResult.Percentile(50):F2} ms, p99 {directResult.Percentile(99):F2} ms", $"p50 +{p50:F2} ms", "p50 +≤ 1 ms", p50 <= 1.0);
    // The same difference with one client at a time: the proxy's own cost without queueing on the two cores.
    var (directOne, gatewayOne) = await Load.AlternatingAsync(direct, units, gateway, units, 1, TimeSpan.FromSeconds(Math.Max(2, loadSeconds / 2)), 20_000);
    var p50One = gatewayOne.Percentile(50) - directOne.Percentile(50);
    report.Add("Gateway overhead (1 client)", "p50 / p99, one request at a time",
        $"p50 {gatewayOne.Percentile(50):F2} ms, p99 {gatewayOne.Percentile(99):F2} ms",
        $"p50 {directOne.Percentile(50):F2} ms, p99 {directOne.Percentile(99):F2} ms", $"p50 +{p50One:F2} ms", "p50 +≤ 1 ms", p50One <= 1.0);
}

// 3 and 4. Hours import of the generated CSV vs psql \copy, then the targets report over those records.
async Task HoursAsync(HttpClient gateway, Uri volunteersUri, string admin, string superuser)
{
    const int unitCount = 20;
    var volunteerCount = Math.Min(1_000, Math.Max(200, records / 1_000));
    var unitIds = new List<Guid>();
    for (var u = 0; u < unitCount; u++)
    {
        using var created = await gateway.PostAsJsonAsync("/api/volunteers/units", new { code = $"BENCH-{u:D2}", name = $"Bench unit {u}" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        unitIds.Add(id);
        using var headcount = await gateway.PutAsJsonAsync($"/api/volunteers/units/{id}/headcounts/2026", new { headcount = volunteerCount / unitCount + 10 });
        headcount.EnsureSuccessStatusCode();
    }
    // Volunteers through the CSV import, in chunks of 200: each registration is protected and audited one by one,
    // and a chunk must answer within the gateway's 30 s activity timeout.
    var clock = Stopwatch.StartNew();
    for (var start = 0; start < volunteerCount; start += 200)
    {
        var csv = new StringBuilder("name,id_number,phone,unit_code,is_staff,skills\n");
        for (var i = start; i < Math.Min(volunteerCount, start + 200); i++)
            csv.Append(CultureInfo.InvariantCulture, $"Bench Volunteer {i},{CitizenId(i)},,BENCH-{i % unitCount:D2},true,\n");
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
    Console.WriteLine($"   {numbers.Count} volunteers in {unitCount} units ready in {clock.Elapsed.TotalSeconds:F1} s");

    // The CSV: every row distinct (the import skips a row sent again), dates in 2026 up to today.
    var file = Path.Combine(dataDirectory, "hours.csv");
    var days = Math.Max(1, Math.Min(300, DateTime.UtcNow.DayOfYear - 2));
    await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
    {
        await writer.WriteAsync("volunteer_number,service_date,hours,content\n");
        var first = new DateOnly(2026, 1, 1);
        for (var i = 0; i < records; i++)
        {
            var date = first.AddDays(i % days);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{numbers[i % numbers.Count]},{date:yyyy-MM-dd},{1 + i % 8}.5,Ward service shift {i}\n"));
        }
    }
    var megabytes = new FileInfo(file).Length / 1048576.0;
    Console.WriteLine($"   {records:N0} rows, {megabytes:F0} MiB");

    // The import endpoint, streamed straight to the volunteers service: the gateway's route has a 30 s activity
    // timeout, and the endpoint sends nothing while it validates and merges a million staged rows.
    using var direct = Load.Client(volunteersUri, admin, 1);
    clock.Restart();
    int importedRows;
    await using (var body = File.OpenRead(file))
    {
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new("text/csv");
        using var response = await direct.PostAsync("/api/volunteers/service-records/import", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        importedRows = JsonDocument.Parse(text).RootElement.GetProperty("imported").GetInt32();
    }
    var importTime = clock.Elapsed;
    var importRate = records / importTime.TotalSeconds;
    Console.WriteLine($"   import: {importedRows:N0} imported in {importTime.TotalSeconds:F1} s = {importRate:F0} rows/s");

    // Baseline: psql \copy of the same file into a plain table in the same server.
    var server = new NpgsqlConnectionStringBuilder(superuser);
    var database = string.IsNullOrEmpty(server.Database) ? "postgres" : server.Database;
    await using (var connection = new NpgsqlConnection(superuser))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            "DROP TABLE IF EXISTS public.bench_hours_copy; CREATE TABLE public.bench_hours_copy (volunteer_number text, service_date date, hours numeric(6,2), content text)", connection);
        await create.ExecuteNonQueryAsync();
    }
    clock.Restart();
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
    var copyTime = clock.Elapsed;
    var copyRate = records / copyTime.TotalSeconds;
    Console.WriteLine($"   psql \\copy: {copyTime.TotalSeconds:F1} s = {copyRate:F0} rows/s");
    await using (var connection = new NpgsqlConnection(superuser))
    {
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP TABLE public.bench_hours_copy", connection);
        await drop.ExecuteNonQueryAsync();
    }
    var ratio = importRate / copyRate;
    report.Add("Hours import", $"{records:N0}-row CSV ({megabytes:F0} MiB) streamed to the volunteers service's import endpoint; {importedRows:N0} imported",
        $"{importRate:F0} rows/s ({importTime.TotalSeconds:F1} s)", $"{copyRate:F0} rows/s psql \\copy ({copyTime.TotalSeconds:F1} s)", $"{ratio:F2}", "≥ 0.50", ratio >= 0.50);

    // Approvals go through the API (they keep the per-unit hour totals the report reads).
    clock.Restart();
    var toApprove = quick ? 1_000 : 5_000;
    var approved = 0;
    while (approved < toApprove && clock.Elapsed < TimeSpan.FromSeconds(90))
    {
        var pending = await gateway.GetFromJsonAsync<JsonElement>("/api/volunteers/service-records?status=pending&page=1&pageSize=200");
        var ids = pending.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();
        if (ids.Length == 0) break;
        using var response = await gateway.PostAsJsonAsync("/api/volunteers/service-records/approve", new { ids });
        response.EnsureSuccessStatusCode();
        approved += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approved").GetInt32();
    }
    Console.WriteLine($"   approved {approved:N0} records through the API in {clock.Elapsed.TotalSeconds:F1} s");

    // 3. Targets report latency, one request at a time.
    Func<int, HttpRequestMessage> targets = _ => new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/reports/targets?year=2026");
    await Load.RunAsync(gateway, targets, 1, TimeSpan.FromSeconds(2), 20);
    var result = await Load.RunAsync(gateway, targets, 1, TimeSpan.FromSeconds(Math.Max(5, loadSeconds)), quick ? 50 : 300);
    Console.WriteLine($"   targets {result}");
    report.Add("Targets report", $"GET /reports/targets?year=2026 via gateway, {records:N0} records ({approved:N0} approved), {unitCount} units, sequential",
        $"p50 {result.Percentile(50):F1} ms, p95 {result.Percentile(95):F1} ms", "—", "—", "p95 < 50 ms", result.Percentile(95) < 50);
}

// 5. Public credit query through the gateway vs a bare endpoint with raw Npgsql on the credit role.
async Task PublicCreditAsync(HttpClient gateway, HttpClient anonymous, string creditDb)
{
    var subjectCount = quick ? 50 : 300;
    var codes = new List<string>();
    var entries = 0;
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    for (var i = 0; i < subjectCount; i++)
    {
        var code = CreditCode(i);
        using var created = await gateway.PostAsJsonAsync("/api/credit/subjects/organizations", new { creditCode = code, name = $"Bench Company {i}" });
        created.EnsureSuccessStatusCode();
        codes.Add(code);
        var subjectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var proposed = await gateway.PostAsJsonAsync("/api/credit/entries", new
        {
            subjectId, listType = "red", law = "Civilization Creation Regulations", article = "Art. 12", facts = $"Outstanding service {i}",
            decisionNumber = $"BENCH-{i}", decidingDepartment = "County Health Bureau", listingDate = today,
            publishedFrom = today, publishedUntil = today.AddYears(1),
        });
        if (proposed.IsSuccessStatusCode) entries++;
    }
    Console.WriteLine($"   {codes.Count} subjects, {entries} entries (proposed: the lawful statement period keeps them unpublished)");

    // The baseline: a bare minimal endpoint in this process, the same lookup with raw Npgsql as the credit role.
    var web = WebApplication.CreateSlimBuilder();
    web.Logging.ClearProviders();
    web.WebHost.UseUrls("http://127.0.0.1:0");
    await using var dataSource = NpgsqlDataSource.Create(creditDb);
    await using var bare = web.Build();
    bare.MapGet("/public/entries", async (string identifier, HttpContext http) =>
    {
        await using var command = dataSource.CreateCommand("""
            SELECT e.id, s.kind, s.name, s.display_identifier, e.list_type, e.tier, e.legal_basis_law, e.legal_basis_article, e.facts,
                   e.decision_number, e.deciding_department, e.listing_date, e.published_from, e.published_until, count(*) OVER ()
            FROM credit.entries e JOIN credit.subjects s ON s.id = e.subject_id
            WHERE s.kind = 'Organization' AND s.identifier = $1 AND e.status = 'Active' AND e.published_from <= $2 AND e.published_until >= $2
            ORDER BY e.published_from DESC, e.id LIMIT 20
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = identifier.ToUpperInvariant() });
        command.Parameters.Add(new NpgsqlParameter { Value = DateOnly.FromDateTime(DateTime.UtcNow) });
        var items = new List<object>();
        long count = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                count = reader.GetInt64(14);
                items.Add(new
                {
                    entryId = reader.GetGuid(0), subjectKind = reader.GetString(1), subjectName = reader.GetString(2), identifier = reader.GetString(3),
                    listType = reader.GetString(4), tier = reader.IsDBNull(5) ? null : reader.GetString(5), law = reader.GetString(6),
                    article = reader.GetString(7), facts = reader.GetString(8), decisionNumber = reader.GetString(9),
                    decidingDepartment = reader.GetString(10), listingDate = reader.GetFieldValue<DateOnly>(11),
                    publishedFrom = reader.GetFieldValue<DateOnly>(12), publishedUntil = reader.GetFieldValue<DateOnly>(13),
                });
            }
        }
        await http.Response.WriteAsJsonAsync(new { items, page = 1, pageSize = 20, total = count });
    });
    await bare.StartAsync();
    var bareUri = new Uri(bare.Urls.First());
    using var bareClient = Load.Client(bareUri, null, workers);
    Func<int, HttpRequestMessage> lookup = n => new HttpRequestMessage(HttpMethod.Get, $"/api/credit/public/entries?identifier={codes[n % codes.Count]}");
    Func<int, HttpRequestMessage> bareLookup = n => new HttpRequestMessage(HttpMethod.Get, $"/public/entries?identifier={codes[n % codes.Count]}");
    await Load.RunAsync(bareClient, bareLookup, workers, TimeSpan.FromSeconds(2), 100_000);
    await Load.RunAsync(anonymous, lookup, workers, TimeSpan.FromSeconds(2), 100_000);
    var bound = TimeSpan.FromSeconds(loadSeconds);
    var (baseline, measured) = await Load.AlternatingAsync(bareClient, bareLookup, anonymous, lookup, workers, bound, 2_000_000);
    await bare.StopAsync();
    Console.WriteLine($"   bare    {baseline}");
    Console.WriteLine($"   gateway {measured}");
    var ratio = measured.Rps / baseline.Rps;
    report.Add("Public credit query", $"anonymous GET /api/credit/public/entries?identifier=<code> via gateway, {codes.Count} subjects, {workers} workers",
        $"{measured.Rps:F0} req/s (p50 {measured.Percentile(50):F1} ms)", $"{baseline.Rps:F0} req/s bare Npgsql endpoint (p50 {baseline.Percentile(50):F1} ms)",
        $"{ratio:F2}", "≥ 0.80", ratio >= 0.80);
}

// 6. Event pipeline: pings raised through the volunteers outbox, consumed by the pairing inbox consumer.
async Task EventPipelineAsync(HttpClient gateway, string superuser)
{
    var raw = await app.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("No rabbitmq connection string.");
    var messages = quick ? 2_000 : 20_000;
    var factory = new ConnectionFactory { Uri = new Uri(raw) };
    await using var connection = await factory.CreateConnectionAsync();
    await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
    await channel.QueueDeclareAsync("bench-raw-publish", durable: true, exclusive: false, autoDelete: false,
        arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
    var body = JsonSerializer.SerializeToUtf8Bytes(new { pingId = Guid.CreateVersion7(), fromService = "bench", note = "ping" });
    var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
    var clock = Stopwatch.StartNew();
    var published = 0;
    while (published < messages && clock.Elapsed < TimeSpan.FromSeconds(60))
    {
        var batch = Enumerable.Range(0, 200).Select(_ => channel.BasicPublishAsync("", "bench-raw-publish", false, properties, body).AsTask()).ToArray();
        await Task.WhenAll(batch);
        published += batch.Length;
    }
    var rawRate = published / clock.Elapsed.TotalSeconds;
    await channel.QueueDeleteAsync("bench-raw-publish");
    Console.WriteLine($"   raw publish with confirms: {rawRate:F0} msg/s");

    // Sustained: as fast as the API takes them, then until the consumer has them all.
    var sustained = await PingsAsync(gateway, superuser, quick ? 1_000 : 2_000, workers, null);
    var ratio = sustained.Rate / rawRate;
    report.Add("Event pipeline (sustained)", $"{sustained.Sent:N0} pings via gateway → volunteers outbox → RabbitMQ → pairing inbox consumer ({sustained.Relay})",
        $"{sustained.Rate:F0} ev/s end to end ({sustained.Received:N0} consumed)", $"{rawRate:F0} msg/s raw RabbitMQ.Client publish with confirms",
        $"{ratio:F3}", "≥ 0.25", ratio >= 0.25);
    // Paced at 500 events/s: propagation from the outbox commit to the consumer's effect.
    var paced = await PingsAsync(gateway, superuser, quick ? 1_000 : 2_000, workers, 500);
    report.Add("Event pipeline (500 ev/s)", $"pings paced at 500/s (sent at {paced.SendRate:F0}/s), propagation commit → consumer effect ({paced.Relay})",
        $"p50 {paced.P50:F0} ms, p99 {paced.P99:F0} ms", "—", "—", "p99 < 100 ms", paced.P99 < 100 && paced.SendRate >= 450);
}

async Task<PingRun> PingsAsync(HttpClient gateway, string superuser, int count, int concurrency, int? perSecond)
{
    var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
    var since = DateTimeOffset.UtcNow.AddSeconds(-1);
    var clock = Stopwatch.StartNew();
    var next = 0;
    var tasks = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var n = Interlocked.Increment(ref next);
            if (n > count) break;
            if (perSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds((double)n / rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            }
            using var response = await gateway.PostAsJsonAsync("/api/volunteers/diagnostics/pings", new { note = "bench" });
            if (response.IsSuccessStatusCode) ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pingId").GetGuid());
        }
    })).ToArray();
    await Task.WhenAll(tasks);
    var sendTime = clock.Elapsed;
    var sent = ids.ToArray();
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { Database = "civility" }.ConnectionString);
    await connection.OpenAsync();
    var received = new Dictionary<Guid, DateTimeOffset>();
    var wait = Stopwatch.StartNew();
    while (received.Count < sent.Length && wait.Elapsed < TimeSpan.FromSeconds(90))
    {
        await using var command = new NpgsqlCommand("SELECT ping_id, received_at FROM pairing.received_pings WHERE ping_id = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = sent });
        received.Clear();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) received[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        if (received.Count < sent.Length) await Task.Delay(200);
    }
    // A version-7 GUID carries the millisecond it was made: just before the commit that wrote the outbox row.
    var made = sent.Where(received.ContainsKey).ToDictionary(id => id, V7Time);
    var latencies = made.Select(p => (received[p.Key] - p.Value).TotalMilliseconds).Order().ToArray();
    var span = made.Count == 0 ? TimeSpan.Zero : received.Values.Max() - made.Values.Min();
    // Where the time goes: the relay's half (outbox row written → published with confirm) from the outbox itself.
    var relay = "";
    await using (var split = new NpgsqlCommand("""
        SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at) * 1000),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at) * 1000),
               extract(epoch FROM max(published_at) - min(created_at))
        FROM volunteers.outbox_messages WHERE message_type LIKE '%ServicePinged%' AND created_at >= $1 AND published_at IS NOT NULL
        """, connection))
    {
        split.Parameters.Add(new NpgsqlParameter { Value = since });
        await using var reader = await split.ExecuteReaderAsync();
        if (await reader.ReadAsync() && reader.GetInt64(0) > 0)
            relay = string.Create(CultureInfo.InvariantCulture,
                $"relay: {reader.GetInt64(0) / Math.Max(Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture), 0.001):F0} ev/s published, commit→published p50 {reader.GetDouble(1):F0} ms, p99 {reader.GetDouble(2):F0} ms");
    }
    var run = new PingRun(sent.Length, received.Count, made.Count / Math.Max(span.TotalSeconds, 0.001), sent.Length / sendTime.TotalSeconds,
        Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), relay);
    Console.WriteLine($"   pings: {run}");
    return run;
}

// 7. Votes: distinct citizens voting on one nomination, concurrently, through the gateway; then the count check.
async Task VotesAsync(HttpClient gateway, HttpClient anonymous)
{
    var now = DateTimeOffset.UtcNow;
    using var round = await gateway.PostAsJsonAsync("/api/moral-models/rounds", new
    {
        name = "Bench round", year = 2026, publicityDays = 7, votingOpensAt = now.AddMinutes(-5), votingClosesAt = now.AddHours(2),
    });
    var roundText = await round.Content.ReadAsStringAsync();
    if (!round.IsSuccessStatusCode) throw new InvalidOperationException($"Round: {(int)round.StatusCode} {roundText}");
    var roundId = JsonDocument.Parse(roundText).RootElement.GetProperty("id").GetGuid();
    using var nominated = await gateway.PostAsJsonAsync("/api/moral-models/nominations", new
    {
        roundId, category = "good-person", goodPersonKind = "helping-others", nomineeKind = "person", nomineeName = "Bench Nominee",
        idNumber = CitizenId(700_000), unitCode = "BENCH-00", deeds = "Carried patients through the flood.",
    });
    var nominatedText = await nominated.Content.ReadAsStringAsync();
    if (!nominated.IsSuccessStatusCode) throw new InvalidOperationException($"Nomination: {(int)nominated.StatusCode} {nominatedText}");
    var nominationId = JsonDocument.Parse(nominatedText).RootElement.GetProperty("id").GetGuid();

    var voters = quick ? 2_000 : 20_000;
    Func<int, HttpRequestMessage> vote = n => new HttpRequestMessage(HttpMethod.Post, $"/api/moral-models/public/nominations/{nominationId}/votes")
    {
        Content = JsonContent.Create(new { voterName = $"Voter {n}", idNumber = CitizenId(n) }),
    };
    var result = await Load.RunAsync(anonymous, vote, workers, TimeSpan.FromSeconds(Math.Max(5, loadSeconds * 2)), voters,
        r => r.StatusCode == System.Net.HttpStatusCode.Created);
    Console.WriteLine($"   votes {result}");
    // Everyone who voted votes again: each must be refused.
    var again = await Load.RunAsync(anonymous, vote, workers, TimeSpan.FromSeconds(10), Math.Min(result.Ok, 500),
        r => r.StatusCode == System.Net.HttpStatusCode.Conflict);
    var tally = await gateway.GetFromJsonAsync<JsonElement>($"/api/moral-models/nominations/{nominationId}/tally");
    var counted = tally.GetProperty("votes").GetInt64();
    var doubles = counted - result.Ok;
    Console.WriteLine($"   tally {counted}, accepted {result.Ok}, second votes refused {again.Ok} of {again.Ok + again.Failed}");
    var met = result.Rps >= 1_000 && doubles == 0 && again.Failed == 0;
    report.Add("Votes", $"POST /public/nominations/{{id}}/votes via gateway, {result.Ok + result.Failed:N0} distinct voters, {workers} concurrent; then {again.Ok + again.Failed} repeat votes",
        $"{result.Rps:F0} votes/s (p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms)",
        "—", $"tally {counted} = accepted {result.Ok} (double counts {doubles}); repeats refused {again.Ok}/{again.Ok + again.Failed}",
        "≥ 1,000/s, 0 double counts", met);
}

// 8. Memory: peak resident set of each process the app host started (descendants of this process).
void Memory(string superuser, string volunteersAddress)
{
    // The app host's processes are not all our descendants (the orchestrator may re-parent them): a process is ours
    // when its command line or environment names this run's data folder or this run's PostgreSQL port.
    var postgresPort = $"Port={new NpgsqlConnectionStringBuilder(superuser).Port};";
    var names = new Dictionary<string, string>
    {
        ["Civility.Identity"] = "identity", ["Civility.Volunteers"] = "volunteers", ["Civility.MoralModels"] = "moral-models",
        ["Civility.CreditList"] = "credit", ["Civility.VillagePairing"] = "pairing", ["Civility.Gateway"] = "gateway",
    };
    var parents = new Dictionary<int, int>();
    var commandLines = new Dictionary<int, string>();
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            commandLines[pid] = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
    bool Mine(int pid)
    {
        for (var p = pid; parents.TryGetValue(p, out var parent) && p > 1; p = parent)
            if (parent == Environment.ProcessId) return true;
        try
        {
            var environment = File.ReadAllText($"/proc/{pid}/environ");
            return commandLines[pid].Contains(dataDirectory, StringComparison.Ordinal)
                || environment.Contains(dataDirectory, StringComparison.Ordinal) || environment.Contains(postgresPort, StringComparison.Ordinal)
                || environment.Contains(volunteersAddress, StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
    var rows = new List<string>();
    foreach (var (pid, commandLine) in commandLines.Where(p => Mine(p.Key)))
    {
        var name = names.FirstOrDefault(n => commandLine.Contains(n.Key + ".dll") || commandLine.Contains(n.Key + " ") || commandLine.EndsWith(n.Key)).Value
            ?? (commandLine.Contains("postgres -D") || commandLine.StartsWith("/usr/lib/postgresql") && commandLine.Contains(" -D ") ? "postgres (postmaster)" : null)
            ?? (commandLine.Contains("beam.smp") ? "rabbitmq (beam.smp)" : null);
        if (name is null) continue;
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            var hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            if (hwm is not null) rows.Add($"{name}: {long.Parse(hwm, CultureInfo.InvariantCulture) / 1024} MiB");
        }
        catch (IOException) { }
    }
    rows.Sort(StringComparer.Ordinal);
    Console.WriteLine($"   peak RSS: {string.Join(", ", rows)}");
    report.Add("Memory", "peak RSS (VmHWM) per process after all the loads above", string.Join("; ", rows), "—", "—", "report", null);
}

async Task<string> TokenAsync(string clientId)
{
    var secret = await app.Services.GetRequiredService<DistributedApplicationModel>().Resources
        .OfType<ParameterResource>().Single(p => p.Name == $"{clientId}-secret").GetValueAsync(default);
    using var client = app.CreateHttpClient("gateway", "http");
    using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!,
    }));
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
}

int OptionInt(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static DateTimeOffset V7Time(Guid id)
{
    var bytes = id.ToByteArray(bigEndian: true);
    long ms = 0;
    for (var i = 0; i < 6; i++) ms = (ms << 8) | bytes[i];
    return DateTimeOffset.FromUnixTimeMilliseconds(ms);
}

// GB 11643 citizen ID numbers, distinct for each i: a birth date and a sequence number, then the check character.
static string CitizenId(int i)
{
    int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var birth = new DateOnly(1970, 1, 1).AddDays(i / 900);
    var first17 = $"330102{birth:yyyyMMdd}{100 + i % 900:D3}";
    return first17 + "10X98765432"[first17.Select((c, k) => (c - '0') * weights[k]).Sum() % 11];
}

// GB 32100 unified social credit codes, distinct for each i.
static string CreditCode(int i)
{
    const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    var first17 = $"91330102{Random.Shared.Next(100, 999)}{i:D6}";
    var sum = first17.Select((c, k) => alphabet.IndexOf(c) * weights[k]).Sum();
    return first17 + alphabet[(31 - sum % 31) % 31];
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}

internal sealed record PingRun(int Sent, int Received, double Rate, double SendRate, double P50, double P99, string Relay)
{
    public override string ToString() =>
        $"{Sent} sent at {SendRate:F0}/s, {Received} consumed, {Rate:F0} ev/s end to end, propagation p50 {P50:F0} ms, p99 {P99:F0} ms; {Relay}";
}
