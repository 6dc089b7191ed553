using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Domain.Time;
using Npgsql;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// The volunteer service owns each unit's figures; the village-pairing service scores its assessments on the
/// snapshots it publishes, so that once events settle its indicators equal the bureau's own targets report, whatever
/// happened in between: registrations, deactivation and reactivation, another unit's hours approved in their unit,
/// a void, and events delivered again.
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class OneSetOfBooksTests(CivilityAppFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task The_pairing_services_indicators_equal_the_targets_report_for_every_unit_after_a_mixed_sequence()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var year = fixture.Clock.CountyYear();
        var today = fixture.Clock.CountyToday();
        var first = await NewUnitAsync(admin, headcount: 3, year);
        var second = await NewUnitAsync(admin, headcount: 2, year);

        var a = await RegisterAsync(admin, first.Code, staff: true);
        var b = await RegisterAsync(admin, first.Code, staff: true);
        var family = await RegisterAsync(admin, first.Code, staff: false);
        var d = await RegisterAsync(admin, second.Code, staff: true);
        var e = await RegisterAsync(admin, second.Code, staff: true);

        var titles = new Dictionary<string, Guid>();
        foreach (var unit in new[] { first, second })
            titles[unit.Code] = (await Expect(await admin.PostAsJsonAsync("/api/pairing/civilized-units", new
            {
                unitCode = unit.Code, name = $"Unit {unit.Code}", creditCode = TestData.CreditCode(),
                level = "county", termStart = today.AddYears(-1),
            }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var village = (await Expect(await admin.PostAsJsonAsync("/api/pairing/places",
            new { kind = "village", name = $"Village {TestData.Token()}", township = "Baiyun" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var pairing = (await Expect(await admin.PostAsJsonAsync("/api/pairing/pairings", new
        {
            civilizedUnitId = titles[first.Code], placeId = village, from = today.AddDays(-30), until = today.AddYears(2),
            goals = "Free clinics",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The first unit's free clinic credits two of its staff and a volunteer of the second unit.
        var clinic = (await Expect(await admin.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId = pairing, category = "free-clinic", date = today.AddDays(-1), location = "Village clinic",
            volunteers = new[] { new { volunteerId = a, hours = 3m }, new { volunteerId = b, hours = 2m },
                new { volunteerId = d, hours = 4m } },
            peopleServed = new[] { new { group = "elderly", count = 30 } },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Expect(await admin.PostAsync($"/api/pairing/activities/{clinic}/complete", null), HttpStatusCode.OK);
        var waiting = await Polling.UntilAsync(async () =>
            (await Expect(await admin.GetAsync($"/api/volunteers/service-records?volunteerId={d}&status=pending"), HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().Select(r => (Guid?)r.GetProperty("id").GetGuid()).FirstOrDefault() is { } id
                    ? (object)id : null,
            Deadline, "the second unit's volunteer's hours wait in that unit");
        await Expect(await admin.PostAsync($"/api/volunteers/service-records/{waiting}/approve", null), HttpStatusCode.OK);

        await ApprovedAsync(admin, a, 5m, today.AddDays(-3));
        await ApprovedAsync(admin, family, 6m, today.AddDays(-3));
        var wrong = await ApprovedAsync(admin, e, 2m, today.AddDays(-2));
        await Expect(await admin.PostAsJsonAsync($"/api/volunteers/service-records/{wrong}/void", new { reason = "Entered twice" }),
            HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync($"/api/volunteers/{e}/deactivate", new { reason = "Transferred" }), HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync($"/api/volunteers/{e}/reactivate", new { reason = "Transferred back" }),
            HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync($"/api/volunteers/{b}/deactivate", new { reason = "Retired" }), HttpStatusCode.OK);

        // Figures that actually moved: one of the first unit's staff left (his hours stay), the family member's hours
        // are beside the ratio; the second unit's staff hours are the pairing hours it approved, the void taken back.
        var report = await ReportAsync(admin, year);
        Assert.Equal((1, 10m, 6m), (report[first.Code].GetProperty("registeredStaff").GetInt32(),
            report[first.Code].GetProperty("staffHours").GetDecimal(), report[first.Code].GetProperty("otherHours").GetDecimal()));
        Assert.Equal((2, 4m), (report[second.Code].GetProperty("registeredStaff").GetInt32(),
            report[second.Code].GetProperty("staffHours").GetDecimal()));

        await SettledAsync(admin, titles, year, "after the sequence");

        // The volunteer service's relay sends the first unit's oldest and newest snapshots again, as after a lost acknowledgement.
        await using (var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync("volunteers-db")))
        {
            await connection.OpenAsync();
            await using var again = new NpgsqlCommand("""
                UPDATE volunteers.outbox_messages SET published_at = NULL
                WHERE id IN (SELECT id FROM volunteers.outbox_messages
                             WHERE message_type LIKE '%.UnitTargetsChanged, %' AND body->>'unitCode' = $1 AND (body->>'year')::int = $2
                             ORDER BY sequence LIMIT 1)
                   OR id IN (SELECT id FROM volunteers.outbox_messages
                             WHERE message_type LIKE '%.UnitTargetsChanged, %' AND body->>'unitCode' = $1 AND (body->>'year')::int = $2
                             ORDER BY sequence DESC LIMIT 1)
                """, connection) { Parameters = { new() { Value = first.Code }, new() { Value = year } } };
            Assert.Equal(2, await again.ExecuteNonQueryAsync());
            await Polling.UntilAsync(async () =>
            {
                await using var pending = new NpgsqlCommand(
                    "SELECT count(*) FROM volunteers.outbox_messages WHERE published_at IS NULL AND body->>'unitCode' = $1", connection)
                { Parameters = { new() { Value = first.Code } } };
                return (long)(await pending.ExecuteScalarAsync())! == 0 ? "sent" : null;
            }, Deadline, "the snapshots sent again");
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // time for a stale snapshot to do harm, were it going to
        await SettledAsync(admin, titles, year, "after the snapshots came again");
    }

    /// <summary>Waits until every unit's pairing indicators are what its row of the targets report makes them.</summary>
    private async Task SettledAsync(HttpClient admin, Dictionary<string, Guid> titles, int year, string when)
    {
        var mismatch = "";
        try
        {
            await Polling.UntilAsync(async () =>
            {
                var report = await ReportAsync(admin, year);
                mismatch = "";
                foreach (var (unit, title) in titles)
                {
                    var expected = Expected(report[unit]);
                    var indicators = await Expect(await admin.GetAsync($"/api/pairing/civilized-units/{title}/indicators?year={year}"),
                        HttpStatusCode.OK);
                    var actual = (indicators.GetProperty("registrationRate").GetDecimal(),
                        indicators.GetProperty("perCapitaHours").GetDecimal());
                    if (actual != expected) mismatch += $"{unit}: pairing {actual}, report {expected}; ";
                }
                return mismatch.Length == 0 ? "equal" : null;
            }, Deadline, when);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{when}: {mismatch}");
        }
    }

    /// <summary>
    /// The indicators a targets row means (0–1, to four places): staff registered ÷ headcount, staff hours per head ÷ 48.
    /// </summary>
    private static (decimal RegistrationRate, decimal PerCapitaHours) Expected(JsonElement row)
    {
        var headcount = row.GetProperty("headcount").GetInt32();
        decimal Ratio(decimal part, decimal whole) => whole <= 0 ? 0 : Math.Round(Math.Min(1, part / whole), 4);
        return (Ratio(row.GetProperty("registeredStaff").GetInt32(), headcount),
            headcount == 0 ? 0 : Ratio(row.GetProperty("staffHours").GetDecimal() / headcount, 48m));
    }

    private static async Task<Dictionary<string, JsonElement>> ReportAsync(HttpClient admin, int year) =>
        (await Expect(await admin.GetAsync($"/api/volunteers/reports/targets?year={year}"), HttpStatusCode.OK))
            .GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);

    private static async Task<(string Code, Guid Id)> NewUnitAsync(HttpClient admin, int headcount, int year)
    {
        var code = $"B{TestData.Token()}".ToUpperInvariant();
        var id = (await Expect(await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = $"Unit {code}" }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Expect(await admin.PutAsJsonAsync($"/api/volunteers/units/{id}/headcounts/{year}", new { headcount }), HttpStatusCode.OK);
        return (code, id);
    }

    private static async Task<Guid> RegisterAsync(HttpClient admin, string unitCode, bool staff) =>
        (await Expect(await admin.PostAsJsonAsync("/api/volunteers", new
        {
            name = "王芳", idNumber = TestIdentities.CitizenId(), unitCode, isStaffOfUnit = staff,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> ApprovedAsync(HttpClient admin, Guid volunteerId, decimal hours, DateOnly date)
    {
        var record = (await Expect(await admin.PostAsJsonAsync("/api/volunteers/service-records",
            new { volunteerId, serviceDate = date, hours, content = "Health talk" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Expect(await admin.PostAsync($"/api/volunteers/service-records/{record}/approve", null), HttpStatusCode.OK);
        return record;
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: " +
            $"expected {expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
