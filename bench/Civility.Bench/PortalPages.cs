using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.Bench;

/// <summary>
/// The portal's read pages (a board, the publicity list, the credit list) as 50 residents read them at once through
/// the gateway, against a static file of the same bytes served by the same gateway and portal process (its static
/// file middleware, from <c>Portal:StaticBaselineDirectory</c>), in alternating rounds. The pages come from the
/// portal's output cache between the events that change them; the target is on their p95.
/// </summary>
internal static class PortalPages
{
    public const int Readers = 50;

    private static readonly string[] Pages = ["/boards/good-deeds", "/publicity", "/credit"];

    public static async Task RunAsync(BenchContext context)
    {
        var count = context.Options.Quick ? 8 : 20;
        await PublicityAndBoardAsync(context.Gateway, count);
        await CreditListAsync(context.Gateway, count);
        using var readers = Load.Client(context.Anonymous.BaseAddress!, null, Readers);

        // Each page once it shows what was made (a page cached before the events emptied it would be shorter), then
        // its exact bytes as a static file.
        var sizes = new List<string>();
        foreach (var page in Pages)
        {
            var html = await UntilFullAsync(readers, page, count);
            var file = Path.Combine(context.Stack.StaticBaselineDirectory, StaticName(page));
            await File.WriteAllTextAsync(file, html);
            using var copy = await readers.GetAsync($"/bench-static/{StaticName(page)}");
            var copyBytes = (await copy.Content.ReadAsByteArrayAsync()).Length;
            if (!copy.IsSuccessStatusCode || copyBytes != System.Text.Encoding.UTF8.GetByteCount(html))
                throw new InvalidOperationException($"The static copy of {page} answered {(int)copy.StatusCode} with {copyBytes} bytes.");
            sizes.Add($"{page} {copyBytes / 1024.0:F1} KiB");
        }
        Console.WriteLine($"   pages: {string.Join(", ", sizes)}");

        Func<int, HttpRequestMessage> pages = n => new HttpRequestMessage(HttpMethod.Get, Pages[n % Pages.Length]);
        Func<int, HttpRequestMessage> statics =
            n => new HttpRequestMessage(HttpMethod.Get, $"/bench-static/{StaticName(Pages[n % Pages.Length])}");
        await Load.RunAsync(readers, statics, Readers, TimeSpan.FromSeconds(2), 100_000);
        await Load.RunAsync(readers, pages, Readers, TimeSpan.FromSeconds(context.Options.Quick ? 2 : 5), 100_000);
        var bound = TimeSpan.FromSeconds(context.Options.LoadSeconds);
        var (baseline, measured) = await Load.AlternatingAsync(readers, statics, readers, pages, Readers, bound, 2_000_000);
        Console.WriteLine($"   static {baseline}");
        Console.WriteLine($"   pages  {measured}");
        var p95 = measured.Percentile(95);
        context.Report.Add("Portal pages",
            $"anonymous GET {string.Join(", ", Pages)} via gateway ({string.Join(", ", sizes)}), {Readers} concurrent readers, "
            + $"{count} entries on each; failures {measured.Failed}",
            $"p95 {p95:F1} ms (p50 {measured.Percentile(50):F1} ms, {measured.Rps:F0} req/s)",
            $"p95 {baseline.Percentile(95):F1} ms static copies (p50 {baseline.Percentile(50):F1} ms, {baseline.Rps:F0} req/s)",
            $"{p95 / Math.Max(0.01, baseline.Percentile(95)):F2}", "p95 < 50 ms", p95 < 50 && measured.Failed == 0);
    }

    private static string StaticName(string page) => page.Trim('/').Replace('/', '-') + ".html";

    /// <summary><paramref name="count"/> nominations in publicity, and as many commended good people on the board.</summary>
    private static async Task PublicityAndBoardAsync(HttpClient admin, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var year = Synthetic.CountyToday().Year;
        var inPublicity = await PostAsync(admin, "/api/moral-models/rounds", new
        {
            name = $"Bench publicity {Guid.NewGuid():N}", year, publicityDays = 7, categories = new[] { "good-person" },
        });
        // The bench's moral-model service allows a window of 0 days: its nominations are selected and commended at once.
        var commended = await PostAsync(admin, "/api/moral-models/rounds", new
        {
            name = $"Bench board {Guid.NewGuid():N}", year, publicityDays = 0, categories = new[] { "good-person" },
        });
        var toCommend = new List<Guid>();
        for (var i = 0; i < count * 2; i++)
        {
            var round = i < count ? inPublicity : commended;
            var id = (await PostAsync(admin, "/api/moral-models/nominations", new
            {
                roundId = round.GetProperty("id").GetGuid(), category = "good-person", goodPersonKind = "helping-others",
                nomineeKind = "person", nomineeName = $"张{i:D3}", idNumber = Synthetic.CitizenId(900_000 + i), unitCode = "BENCH-UNIT",
                deeds = string.Concat(Enumerable.Repeat(
                    "多年来坚持义务为社区老人测量血压、讲解健康知识，风雨无阻。", 4)),
            })).GetProperty("id").GetGuid();
            await PostAsync(admin, $"/api/moral-models/nominations/{id}/review", new { reason = "Bench" });
            await PostAsync(admin, $"/api/moral-models/nominations/{id}/publicize", new { reason = "Bench" });
            if (i >= count)
            {
                await PostAsync(admin, $"/api/moral-models/nominations/{id}/select", new { reason = "Bench" });
                toCommend.Add(id);
            }
        }
        await PostAsync(admin, "/api/moral-models/commendations", new
        {
            kind = "meeting", title = "Bench commendation", heldOn = Synthetic.CountyToday(), place = "Hall", nominationIds = toCommend,
        });
        Console.WriteLine($"   {count} nominations in publicity, {count} commended ({now:HH:mm:ss})");
    }

    /// <summary>
    /// At least <paramref name="count"/> published entries on the credit list (the credit benchmark makes some; alone, this one does).
    /// </summary>
    private static async Task CreditListAsync(HttpClient admin, int count)
    {
        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/credit/public/lists?pageSize=1")).RootElement
            .GetProperty("total").GetInt64();
        var today = Synthetic.CountyToday();
        for (var i = (int)listed; i < count; i++)
        {
            var subject = await PostAsync(admin, "/api/credit/subjects/organizations",
                new { creditCode = Synthetic.CreditCode(50_000 + i), name = $"Bench Portal Company {i}" });
            var entry = (await PostAsync(admin, "/api/credit/entries", new
            {
                subjectId = subject.GetProperty("id").GetGuid(), listType = "red",
                law = "Civilization Creation Regulations", article = "Art. 12",
                facts = $"Outstanding service {i}", decisionNumber = $"BENCH-PORTAL-{i}", decidingDepartment = "County Health Bureau",
                listingDate = today, publishedFrom = today, publishedUntil = today.AddYears(1),
            })).GetProperty("id").GetGuid();
            await PostAsync(admin, $"/api/credit/entries/{entry}/notify",
                new { reason = "Benchmark: the subject is told of the listing." });
            await PostAsync(admin, $"/api/credit/entries/{entry}/activate", new { reason = "Benchmark: no statement was made." });
        }
    }

    /// <summary>The page once it lists at least <paramref name="count"/> cards (its cache emptied by the events).</summary>
    private static async Task<string> UntilFullAsync(HttpClient client, string page, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var html = await client.GetStringAsync(page);
            var cards = html.Split("class=\"card").Length - 1;
            if (cards >= count) return html;
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"{page} shows {cards} entries, not {count}, after 60 s.");
            await Task.Delay(500);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient gateway, string path, object body)
    {
        using var response = await gateway.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
