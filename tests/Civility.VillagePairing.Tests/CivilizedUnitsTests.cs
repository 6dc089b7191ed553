using System.Net;
using System.Net.Http.Json;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class CivilizedUnitsTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task A_title_moves_through_its_actions_keeping_who_when_why_and_announcing_each_change()
    {
        var code = PairingServiceFixture.NewCode();
        var unit = await fixture.CreateUnitAsync(code);
        var id = unit.GetProperty("id").GetGuid();
        Assert.Equal("active", unit.GetProperty("status").GetString());

        using var admin = fixture.Admin();
        foreach (var (action, expected) in
            new[] { ("warn", "warned"), ("order-rectification", "under-rectification"), ("restore", "active") })
        {
            using var response = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{id}/actions/{action}",
                new { reason = $"Because {action}" });
            var body = await Http.ReadAsync(response, HttpStatusCode.OK);
            Assert.Equal(expected, body.GetProperty("status").GetString());
        }

        using var got = await admin.GetAsync($"/api/pairing/civilized-units/{id}");
        var history = (await Http.ReadAsync(got, HttpStatusCode.OK)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["active", "warned", "under-rectification"], history.Select(h => h.GetProperty("from").GetString()));
        Assert.Equal(["warn", "order-rectification", "restore"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.All(history, h => Assert.Equal("test-admin", h.GetProperty("by").GetString()));
        Assert.Equal("Because warn", history[0].GetProperty("reason").GetString());

        var events = (await fixture.OutboxAsync("CivilizedUnitStatusChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == code).ToList();
        Assert.Equal(["warned", "under-rectification", "active"], events.Select(e => e.GetProperty("toStatus").GetString()));
    }

    [Fact]
    public async Task An_illegal_action_answers_409_with_the_allowed_ones()
    {
        var unit = await fixture.CreateUnitAsync(PairingServiceFixture.NewCode());
        var id = unit.GetProperty("id").GetGuid();
        using var admin = fixture.Admin();
        using var restore = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{id}/actions/restore",
            new { reason = "nothing to restore" });
        var problem = await Http.ReadAsync(restore, HttpStatusCode.Conflict);
        Assert.Equal(["warn", "order-rectification", "revoke", "renew"],
            problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        using var revoke = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{id}/actions/revoke",
            new { reason = "serious incident" });
        await Http.ReadAsync(revoke, HttpStatusCode.OK);
        using var warn = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{id}/actions/warn", new { reason = "too late" });
        var closed = await Http.ReadAsync(warn, HttpStatusCode.Conflict);
        Assert.Empty(closed.GetProperty("allowed").EnumerateArray());
    }

    [Fact]
    public async Task Renewal_starts_a_new_term_and_moves_the_review_deadline()
    {
        // A term that ends with this year (so the lapse job, on the same clock, leaves it alone until it is renewed).
        var year = fixture.Today.Year;
        var unit = await fixture.CreateUnitAsync(PairingServiceFixture.NewCode(), termStart: new DateOnly(year - 2, 1, 1));
        Assert.Equal($"{year}-12-31", unit.GetProperty("reviewDeadline").GetString());
        using var admin = fixture.Admin();
        using var renew = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{unit.GetProperty("id")}/actions/renew",
            new { reason = "Review passed" });
        var renewed = await Http.ReadAsync(renew, HttpStatusCode.OK);
        Assert.Equal($"{year + 1}-01-01", renewed.GetProperty("termStart").GetString());
        Assert.Equal($"{year + 3}-12-31", renewed.GetProperty("reviewDeadline").GetString());
        Assert.Equal("active", renewed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_fields_answer_400_naming_each_and_a_taken_code_409()
    {
        using var admin = fixture.Admin();
        using var bad = await admin.PostAsJsonAsync("/api/pairing/civilized-units",
            new { unitCode = "", name = "x", creditCode = "91350100M000100Y4A", level = "planet" });
        var errors = (await Http.ReadAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "unitCode", "creditCode", "level", "termStart" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        var code = PairingServiceFixture.NewCode();
        await fixture.CreateUnitAsync(code);
        using var again = await admin.PostAsJsonAsync("/api/pairing/civilized-units",
            new
            {
                unitCode = code, name = "x", creditCode = PairingServiceFixture.NewCreditCode(), level = "city", termStart = fixture.Today,
            });
        await Http.ReadAsync(again, HttpStatusCode.Conflict);
        using var unknownAction = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{Guid.NewGuid()}/actions/explode",
            new { reason = "r" });
        await Http.ReadAsync(unknownAction, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_unit_scoped_client_sees_and_changes_only_its_own_unit_and_pairings()
    {
        var mine = PairingServiceFixture.NewCode("MINE");
        var other = PairingServiceFixture.NewCode("OTHR");
        var myUnit = (await fixture.CreateUnitAsync(mine)).GetProperty("id").GetGuid();
        var otherUnit = (await fixture.CreateUnitAsync(other)).GetProperty("id").GetGuid();
        var village = await fixture.CreatePlaceAsync("village");
        using var admin = fixture.Admin();
        var otherPairing = (await fixture.PairAsync(admin, otherUnit, village)).GetProperty("id").GetGuid();

        using var client = fixture.Unit(mine);
        using var list = await client.GetAsync("/api/pairing/civilized-units?pageSize=200");
        var page = await Http.ReadAsync(list, HttpStatusCode.OK);
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal(mine, page.GetProperty("items")[0].GetProperty("unitCode").GetString());

        using var otherGet = await client.GetAsync($"/api/pairing/civilized-units/{otherUnit}");
        Assert.Equal(HttpStatusCode.NotFound, otherGet.StatusCode);
        using var otherPairingGet = await client.GetAsync($"/api/pairing/pairings/{otherPairing}");
        Assert.Equal(HttpStatusCode.NotFound, otherPairingGet.StatusCode);
        using var otherEnd = await client.PostAsJsonAsync($"/api/pairing/pairings/{otherPairing}/end", new { reason = "not mine" });
        Assert.Equal(HttpStatusCode.NotFound, otherEnd.StatusCode);
        using var pairOther = await client.PostAsJsonAsync("/api/pairing/pairings",
            new { civilizedUnitId = otherUnit, placeId = village, from = fixture.Today, until = fixture.Today.AddYears(1), goals = "g" });
        Assert.Equal(HttpStatusCode.NotFound, pairOther.StatusCode);
        using var otherLedger = await client.GetAsync($"/api/pairing/pairings/{otherPairing}/ledger");
        Assert.Equal(HttpStatusCode.NotFound, otherLedger.StatusCode);

        var myPairing = await fixture.PairAsync(client, myUnit, village);
        using var pairings = await client.GetAsync("/api/pairing/pairings?pageSize=200");
        var items = (await Http.ReadAsync(pairings, HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([myPairing.GetProperty("id").GetGuid()], items.Select(i => i.GetProperty("id").GetGuid()));

        using var otherActivity = await client.PostAsJsonAsync("/api/pairing/activities",
            new { pairingId = otherPairing, category = "study-aid", date = fixture.Today, location = "School" });
        Assert.Equal(HttpStatusCode.NotFound, otherActivity.StatusCode);
        using var otherAssessments = await client.GetAsync($"/api/pairing/civilized-units/{otherUnit}/assessments");
        Assert.Equal(HttpStatusCode.NotFound, otherAssessments.StatusCode);
        using var report = await client.GetAsync("/api/pairing/reports/double-pairing?pageSize=200");
        Assert.All((await Http.ReadAsync(report, HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            row => Assert.Equal(mine, row.GetProperty("unitCode").GetString()));

        // Changing the title's status is the bureau's business, not the unit's.
        using var act = await client.PostAsJsonAsync($"/api/pairing/civilized-units/{myUnit}/actions/restore",
            new { reason = "self-service" });
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
    }
}
