using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Civility.Bench;

/// <summary>
/// The anonymous public credit query through the gateway, by credit code, over organizations that each have one
/// active, published red-list entry; beside <see cref="PublicCreditBaseline"/>, the same lookup on a bare endpoint.
/// </summary>
internal static class PublicCreditQuery
{
    public static async Task RunAsync(BenchContext context)
    {
        var workers = context.Options.Workers;
        var codes = await ListOrganizationsAsync(context);
        await WaitForActivationEventsAsync(context.CreditDb);

        await using var baseline = await PublicCreditBaseline.StartAsync(context.CreditDb);
        using var bareClient = Load.Client(baseline.Address, null, workers);
        Func<int, HttpRequestMessage> lookup =
            n => new HttpRequestMessage(HttpMethod.Get, $"/api/credit/public/entries?identifier={codes[n % codes.Count]}");
        Func<int, HttpRequestMessage> bareLookup =
            n => new HttpRequestMessage(HttpMethod.Get, $"/public/entries?identifier={codes[n % codes.Count]}");
        await CheckBothFindTheEntryAsync(context.Anonymous, lookup(0), bareClient, bareLookup(0));

        await Load.RunAsync(bareClient, bareLookup, workers, TimeSpan.FromSeconds(2), 100_000);
        await Load.RunAsync(context.Anonymous, lookup, workers, TimeSpan.FromSeconds(2), 100_000);
        var bound = TimeSpan.FromSeconds(context.Options.LoadSeconds);
        var (bare, measured) = await Load.AlternatingAsync(bareClient, bareLookup, context.Anonymous, lookup, workers, bound, 2_000_000);
        Console.WriteLine($"   bare    {bare}");
        Console.WriteLine($"   gateway {measured}");
        var ratio = measured.Rps / bare.Rps;
        context.Report.Add("Public credit query",
            $"anonymous GET /api/credit/public/entries?identifier=<code> via gateway, {codes.Count} subjects each with 1 active, "
            + $"published red-list entry, {workers} workers",
            $"{measured.Rps:F0} req/s (p50 {measured.Percentile(50):F1} ms)",
            $"{bare.Rps:F0} req/s bare Npgsql endpoint (p50 {bare.Percentile(50):F1} ms)",
            $"{ratio:F2}", "≥ 0.80", ratio >= 0.80);
    }

    /// <summary>
    /// Organizations, each with a red-list entry taken the whole lawful way (proposed, the subject notified, then
    /// activated): only an active entry in its publication period is public. The bench's app host sets the
    /// statement period to 0 working days, so the entry may be activated right after the notice.
    /// </summary>
    private static async Task<List<string>> ListOrganizationsAsync(BenchContext context)
    {
        var gateway = context.Gateway;
        var subjectCount = context.Options.Quick ? 50 : 300;
        var codes = new List<string>();
        var today = Synthetic.CountyToday();
        for (var i = 0; i < subjectCount; i++)
        {
            var code = Synthetic.CreditCode(i);
            var subject = await PostAsync(gateway, "/api/credit/subjects/organizations",
                new { creditCode = code, name = $"Bench Company {i}" });
            var entry = await PostAsync(gateway, "/api/credit/entries", new
            {
                subjectId = subject.GetProperty("id").GetGuid(), listType = "red",
                law = "Civilization Creation Regulations", article = "Art. 12",
                facts = $"Outstanding service {i}", decisionNumber = $"BENCH-{i}", decidingDepartment = "County Health Bureau",
                listingDate = today, publishedFrom = today, publishedUntil = today.AddYears(1),
            });
            var entryId = entry.GetProperty("id").GetGuid();
            await PostAsync(gateway, $"/api/credit/entries/{entryId}/notify",
                new { reason = "Benchmark: the subject is told of the listing." });
            var active = await PostAsync(gateway, $"/api/credit/entries/{entryId}/activate",
                new { reason = "Benchmark: no statement was made." });
            if (active.GetProperty("status").GetString() != "active")
                throw new InvalidOperationException($"Entry {entryId} is {active.GetProperty("status")} after activation, not active.");
            codes.Add(code);
        }
        Console.WriteLine(
            $"   {codes.Count} subjects, each with 1 red-list entry proposed, notified and activated (published from {today:yyyy-MM-dd})");
        return codes;
    }

    /// <summary>
    /// Each activation also raised an event through the credit service's outbox: let the relay publish them first,
    /// so that it does not compete with the lookups for the two cores while they are measured.
    /// </summary>
    private static async Task WaitForActivationEventsAsync(string creditDb)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(creditDb);
        await connection.OpenAsync();
        await using var unpublished =
            new NpgsqlCommand("SELECT count(*) FROM credit.outbox_messages WHERE published_at IS NULL", connection);
        long waiting;
        while ((waiting = (long)(await unpublished.ExecuteScalarAsync())!) > 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(250);
        Console.WriteLine(waiting == 0
            ? $"   activation events relayed in {clock.Elapsed.TotalSeconds:F1} s"
            : $"   {waiting} activation events still unpublished after {clock.Elapsed.TotalSeconds:F0} s; measuring anyway");
    }

    /// <summary>
    /// Before measuring: a lookup must find the one entry on both paths, and the same entry, so that neither side is
    /// timed answering an empty list or a different question.
    /// </summary>
    private static async Task CheckBothFindTheEntryAsync(
        HttpClient gateway, HttpRequestMessage lookup, HttpClient bare, HttpRequestMessage bareLookup)
    {
        var measured = await OneItemAsync(gateway, lookup, "through the gateway");
        var baseline = await OneItemAsync(bare, bareLookup, "on the bare endpoint");
        if (!JsonElement.DeepEquals(measured, baseline))
            throw new InvalidOperationException($"The bare endpoint answers {baseline} where the service answers {measured}.");
        Console.WriteLine("   check: the first lookup finds exactly 1 item, the same one, through the gateway and on the bare endpoint");
    }

    private static async Task<JsonElement> OneItemAsync(HttpClient client, HttpRequestMessage request, string path)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The public lookup {path} answered {(int)response.StatusCode}: {Shorten(text)}");
            var items = JsonDocument.Parse(text).RootElement.GetProperty("items");
            if (items.GetArrayLength() != 1)
                throw new InvalidOperationException(
                    $"The public lookup {path} found {items.GetArrayLength()} items, not 1: {Shorten(text)}");
            return items[0].Clone();
        }
    }

    /// <summary>Posts as admin; any refusal ends the step with what the service said.</summary>
    private static async Task<JsonElement> PostAsync(HttpClient gateway, string path, object body)
    {
        using var response = await gateway.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {Shorten(text)}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Shorten(string text) => text[..Math.Min(400, text.Length)];
}
