using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.Bench;

/// <summary>
/// Pending imported records approved in bulk through the API, then the time until the pairing service's indicators
/// (built from the volunteer service's unit-year snapshots) equal the targets report for every unit and year.
/// </summary>
internal static class BulkApproval
{
    /// <summary>Ids per request: the endpoint takes up to 1,000.</summary>
    private const int PerRequest = 1_000;

    public static async Task<int> RunAsync(BenchContext context, Dictionary<string, Guid> titles, int[] years)
    {
        var gateway = context.Gateway;
        var wanted = context.Options.Quick ? 1_000 : 5_000;
        var ids = await PendingAsync(gateway, wanted);
        var clock = Stopwatch.StartNew();
        var approved = 0;
        var failed = 0;
        foreach (var chunk in ids.Chunk(PerRequest))
        {
            using var response = await gateway.PostAsJsonAsync("/api/volunteers/service-records/approve", new { ids = chunk });
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            approved += result.GetProperty("approved").GetInt32();
            failed += result.GetProperty("failed").GetArrayLength();
        }
        var approval = clock.Elapsed;
        var (settled, mismatch) = await SettledAsync(gateway, titles, years, TimeSpan.FromSeconds(60));
        var settling = clock.Elapsed - approval;
        Console.WriteLine($"   approved {approved:N0} ({failed} refused) in {approval.TotalSeconds:F1} s; "
            + $"pairing {(settled ? "equal to the report" : "NOT equal: " + mismatch)} {settling.TotalSeconds:F1} s later");
        context.Report.Add($"Bulk approval ({wanted:N0})",
            $"{wanted:N0} pending imported records approved by POST /api/volunteers/service-records/approve via gateway, "
            + $"{PerRequest:N0} ids a request; then the pairing service's indicators of the {titles.Count} units for "
            + $"{string.Join(" and ", years)} polled until they equal the targets report",
            $"{approved / approval.TotalSeconds:F0} records/s ({approval.TotalSeconds:F1} s); "
            + $"pairing equal {settling.TotalSeconds:F1} s after",
            "—", "—", "every record approved; pairing indicators = report", settled && approved == wanted && failed == 0);
        return approved;
    }

    private static async Task<List<Guid>> PendingAsync(HttpClient gateway, int wanted)
    {
        var ids = new List<Guid>();
        for (var page = 1; ids.Count < wanted; page++)
        {
            var listed = await gateway.GetFromJsonAsync<JsonElement>(
                $"/api/volunteers/service-records?status=pending&page={page}&pageSize=200");
            var items = listed.GetProperty("items");
            if (items.GetArrayLength() == 0) break;
            ids.AddRange(items.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        }
        return [.. ids.Distinct().Take(wanted)];
    }

    /// <summary>
    /// Polls until each unit's indicators are what its targets row makes them (the same arithmetic as the pairing service's).
    /// </summary>
    private static async Task<(bool Settled, string Mismatch)> SettledAsync(
        HttpClient gateway, Dictionary<string, Guid> titles, int[] years, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var mismatch = "";
        while (deadline.Elapsed < timeout)
        {
            mismatch = "";
            foreach (var year in years)
            {
                var report = (await gateway.GetFromJsonAsync<JsonElement>($"/api/volunteers/reports/targets?year={year}"))
                    .GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
                foreach (var (unit, title) in titles)
                {
                    var indicators = await gateway.GetFromJsonAsync<JsonElement>(
                        $"/api/pairing/civilized-units/{title}/indicators?year={year}");
                    var actual = (indicators.GetProperty("registrationRate").GetDecimal(),
                        indicators.GetProperty("perCapitaHours").GetDecimal());
                    var expected = report.TryGetValue(unit, out var row) ? Expected(row) : (0m, 0m);
                    if (actual != expected) mismatch += $"{unit} {year}: pairing {actual}, report {expected}; ";
                }
            }
            if (mismatch.Length == 0) return (true, "");
            await Task.Delay(200);
        }
        return (false, mismatch);
    }

    /// <summary>Staff registered ÷ headcount and staff hours per head ÷ 48, each capped at 1, to four places.</summary>
    private static (decimal RegistrationRate, decimal PerCapitaHours) Expected(JsonElement row)
    {
        var headcount = row.GetProperty("headcount").GetInt32();
        static decimal Ratio(decimal part, decimal whole) => whole <= 0 ? 0 : Math.Round(Math.Min(1, part / whole), 4);
        return (Ratio(row.GetProperty("registeredStaff").GetInt32(), headcount),
            headcount == 0 ? 0 : Ratio(row.GetProperty("staffHours").GetDecimal() / headcount, 48m));
    }
}
