using System.Net;
using System.Text.Json;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class ExportTests(CreditListServiceFixture fixture)
{
    private static async Task<List<JsonElement>> ChangesAsync(HttpClient client, long after, int limit = 1000)
    {
        using var response = await client.GetAsync($"/api/credit/export/changes?after={after}&limit={limit}&format=jsonl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    [Fact]
    public async Task Changes_after_a_cursor_come_back_each_exactly_once()
    {
        using var admin = fixture.Service.Admin();
        using var exporter = fixture.Service.ClientFor("county-credit-platform", null, "credit.export");
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);

        // Read everything so far and keep the cursor.
        var cursor = 0L;
        for (var batch = await ChangesAsync(exporter, cursor); batch.Count > 0; batch = await ChangesAsync(exporter, cursor))
            cursor = batch[^1].GetProperty("cursor").GetInt64();

        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "general", start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        var other = await CreditApi.ProposeAsync(admin, subject, "red", null, start, start.AddYears(1));

        // Page through in small batches: 4 changes, each once, in order.
        var seen = new List<JsonElement>();
        for (var batch = await ChangesAsync(exporter, cursor, limit: 3); batch.Count > 0;
            batch = await ChangesAsync(exporter, cursor, limit: 3))
        {
            seen.AddRange(batch);
            cursor = batch[^1].GetProperty("cursor").GetInt64();
        }
        Assert.Equal([(entry, "propose"), (entry, "notify"), (entry, "activate"), (other, "propose")],
            seen.Select(c => (c.GetProperty("entryId").GetGuid(), c.GetProperty("action").GetString()!)));
        var cursors = seen.Select(c => c.GetProperty("cursor").GetInt64()).ToList();
        Assert.Equal(cursors.Order(), cursors);
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
        Assert.Empty(await ChangesAsync(exporter, cursor));
    }

    [Fact]
    public async Task Active_entries_stream_as_csv_and_jsonl_and_need_the_export_scope()
    {
        using var admin = fixture.Service.Admin();
        using var exporter = fixture.Service.ClientFor("county-credit-platform", null, "credit.export");
        using var reader = fixture.Service.ClientFor("partner-readonly", null, "credit.read");
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var subject = await CreditApi.CreateOrganizationAsync(admin, name: "Hill, \"Spring\" & Co.");
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "serious", start, start.AddYears(2));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        var proposed = await CreditApi.ProposeAsync(admin, subject, "black", "minor", start, start.AddMonths(1));

        using var csv = await exporter.GetAsync("/api/credit/export/active?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("entryId,subjectId,subjectKind,subjectName,identifier,listType,tier", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(entry.ToString()));
        Assert.Contains("\"Hill, \"\"Spring\"\" & Co.\"", row);
        Assert.DoesNotContain(lines, l => l.StartsWith(proposed.ToString()));

        using var jsonl = await exporter.GetAsync("/api/credit/export/active");
        var rows = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(rows, r => r.GetProperty("entryId").GetGuid() == entry && r.GetProperty("tier").GetString() == "serious");
        Assert.All(rows, r => Assert.False(r.TryGetProperty("internalNote", out _)));

        using var refused = await reader.GetAsync("/api/credit/export/active");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var badFormat = await exporter.GetAsync("/api/credit/export/active?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }
}
