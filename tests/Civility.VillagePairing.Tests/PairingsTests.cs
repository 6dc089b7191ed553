using System.Net;
using System.Net.Http.Json;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class PairingsTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task The_double_pairing_report_lists_units_lacking_a_village_a_community_or_both()
    {
        // Unit-scoped readers keep the report to one unit each, so the rows of other tests do not interfere.
        var both = PairingServiceFixture.NewCode("BOTH");
        var villageOnly = PairingServiceFixture.NewCode("VILL");
        var none = PairingServiceFixture.NewCode("NONE");
        var ended = PairingServiceFixture.NewCode("ENDD");
        var ids = new Dictionary<string, Guid>();
        foreach (var code in new[] { both, villageOnly, none, ended })
            ids[code] = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        var village = await fixture.CreatePlaceAsync("village");
        var community = await fixture.CreatePlaceAsync("community");
        using var admin = fixture.Admin();
        await fixture.PairAsync(admin, ids[both], village);
        await fixture.PairAsync(admin, ids[both], community);
        await fixture.PairAsync(admin, ids[villageOnly], village);
        await fixture.PairAsync(admin, ids[ended], village);
        var endedCommunity = (await fixture.PairAsync(admin, ids[ended], community)).GetProperty("id").GetGuid();
        using var end = await admin.PostAsJsonAsync($"/api/pairing/pairings/{endedCommunity}/end",
            new { reason = "Community merged into another street" });
        var endedBody = await Http.ReadAsync(end, HttpStatusCode.OK);
        Assert.Equal("ended", endedBody.GetProperty("status").GetString());

        async Task<(bool Listed, bool HasVillage, bool HasCommunity)> Row(string code, string lacking)
        {
            using var client = fixture.Client(code, "pairing.read");
            using var response = await client.GetAsync($"/api/pairing/reports/double-pairing?lacking={lacking}");
            var items = (await Http.ReadAsync(response, HttpStatusCode.OK)).GetProperty("items");
            return items.GetArrayLength() == 0 ? (false, false, false)
                : (true, items[0].GetProperty("hasVillage").GetBoolean(), items[0].GetProperty("hasCommunity").GetBoolean());
        }

        Assert.False((await Row(both, "any")).Listed);
        Assert.Equal((true, true, false), await Row(villageOnly, "community"));
        Assert.False((await Row(villageOnly, "village")).Listed);
        Assert.False((await Row(villageOnly, "both")).Listed);
        Assert.Equal((true, false, false), await Row(none, "both"));
        Assert.Equal((true, true, false), await Row(ended, "community"));

        using var report = await admin.GetAsync("/api/pairing/reports/double-pairing?lacking=any&pageSize=200");
        var listed = (await Http.ReadAsync(report, HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("unitCode").GetString()).ToHashSet();
        Assert.Contains(none, listed);
        Assert.DoesNotContain(both, listed);
    }

    [Fact]
    public async Task Establishing_and_ending_are_announced_and_an_ended_pairing_is_kept()
    {
        var unit = (await fixture.CreateUnitAsync(PairingServiceFixture.NewCode())).GetProperty("id").GetGuid();
        var place = await fixture.CreatePlaceAsync("community");
        using var admin = fixture.Admin();
        var pairing = await fixture.PairAsync(admin, unit, place);
        var id = pairing.GetProperty("id").GetGuid();
        Assert.Equal("Li Wei", pairing.GetProperty("contacts")[0].GetProperty("name").GetString());

        using var duplicate = await admin.PostAsJsonAsync("/api/pairing/pairings",
            new { civilizedUnitId = unit, placeId = place, from = fixture.Today, until = fixture.Today.AddYears(1), goals = "again" });
        await Http.ReadAsync(duplicate, HttpStatusCode.Conflict);

        using var noReason = await admin.PostAsJsonAsync($"/api/pairing/pairings/{id}/end", new { reason = "" });
        await Http.ReadAsync(noReason, HttpStatusCode.BadRequest);
        using var end = await admin.PostAsJsonAsync($"/api/pairing/pairings/{id}/end", new { reason = "Village relocated" });
        await Http.ReadAsync(end, HttpStatusCode.OK);
        using var again = await admin.PostAsJsonAsync($"/api/pairing/pairings/{id}/end", new { reason = "twice" });
        await Http.ReadAsync(again, HttpStatusCode.Conflict);

        using var got = await admin.GetAsync($"/api/pairing/pairings/{id}");
        var kept = await Http.ReadAsync(got, HttpStatusCode.OK);
        Assert.Equal("Village relocated", kept.GetProperty("endReason").GetString());

        var established = (await fixture.OutboxAsync("PairingEstablished")).Single(e => e.GetProperty("pairingId").GetGuid() == id);
        Assert.Equal("community", established.GetProperty("placeKind").GetString());
        var ended = (await fixture.OutboxAsync("PairingEnded")).Single(e => e.GetProperty("pairingId").GetGuid() == id);
        Assert.Equal("Village relocated", ended.GetProperty("reason").GetString());

        using var pledgeOnEnded = await admin.PostAsJsonAsync($"/api/pairing/pairings/{id}/pledges",
            new { kind = "money", item = "fund", quantity = 100, dueDate = fixture.Today.AddDays(10) });
        await Http.ReadAsync(pledgeOnEnded, HttpStatusCode.UnprocessableEntity);

        using var revoke = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{unit}/actions/revoke", new { reason = "Revoked" });
        await Http.ReadAsync(revoke, HttpStatusCode.OK);
        using var pairRevoked = await admin.PostAsJsonAsync("/api/pairing/pairings",
            new
            {
                civilizedUnitId = unit, placeId = await fixture.CreatePlaceAsync("village"), from = fixture.Today,
                until = fixture.Today.AddYears(1), goals = "g",
            });
        await Http.ReadAsync(pairRevoked, HttpStatusCode.UnprocessableEntity);
    }
}
