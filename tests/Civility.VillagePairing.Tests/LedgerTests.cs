using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class LedgerTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task Deliveries_add_up_against_pledges_and_over_delivery_is_refused_with_422()
    {
        var unit = (await fixture.CreateUnitAsync(PairingServiceFixture.NewCode())).GetProperty("id").GetGuid();
        using var admin = fixture.Admin();
        var village = (await fixture.PairAsync(admin, unit, await fixture.CreatePlaceAsync("village"))).GetProperty("id").GetGuid();
        var community = (await fixture.PairAsync(admin, unit, await fixture.CreatePlaceAsync("community"))).GetProperty("id").GetGuid();

        var money = await PledgeAsync(admin, village,
            new { kind = "money", item = "Clinic equipment fund", quantity = 50000m, dueDate = fixture.Today.AddDays(30) });
        Assert.Equal("CNY", money.GetProperty("unit").GetString());
        var monitors = await PledgeAsync(admin, village, new
        {
            kind = "materials", item = "Blood-pressure monitors", quantity = 20m, unit = "piece", dueDate = fixture.Today.AddDays(-5),
        });
        var doctors = await PledgeAsync(admin, community,
            new { kind = "people", item = "Doctors for free clinics", quantity = 12m, dueDate = fixture.Today.AddDays(60) });

        await DeliverAsync(admin, village, money, 20000m, HttpStatusCode.Created);
        await DeliverAsync(admin, village, money, 15000m, HttpStatusCode.Created);
        var refused = await DeliverAsync(admin, village, money, 15000.01m, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(15000m, refused.GetProperty("outstanding").GetDecimal());
        await DeliverAsync(admin, village, monitors, 8m, HttpStatusCode.Created);
        await DeliverAsync(admin, community, doctors, 12m, HttpStatusCode.Created);
        await DeliverAsync(admin, community, doctors, 1m, HttpStatusCode.UnprocessableEntity);
        // A delivery names its pledge through its own pairing only.
        await DeliverAsync(admin, community, money, 1m, HttpStatusCode.NotFound);

        using var pairingLedger = await admin.GetAsync($"/api/pairing/pairings/{village}/ledger");
        var report = await Http.ReadAsync(pairingLedger, HttpStatusCode.OK);
        var totals = report.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("kind").GetString()!);
        Assert.Equal((50000m, 35000m, 15000m), Line(totals["money"]));
        Assert.Equal((20m, 8m, 12m), Line(totals["materials"]));
        Assert.False(totals.ContainsKey("people"));
        var pastDue = report.GetProperty("pastDue").EnumerateArray().ToList();
        Assert.Equal([monitors.GetProperty("id").GetGuid()], pastDue.Select(p => p.GetProperty("id").GetGuid()));
        var moneyRow = report.GetProperty("pledges").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "money");
        Assert.Equal([20000m, 15000m],
            moneyRow.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("quantity").GetDecimal()));

        using var unitLedger = await admin.GetAsync($"/api/pairing/civilized-units/{unit}/ledger");
        var unitTotals = (await Http.ReadAsync(unitLedger, HttpStatusCode.OK)).GetProperty("totals").EnumerateArray()
            .ToDictionary(t => t.GetProperty("kind").GetString()!);
        Assert.Equal((12m, 12m, 0m), Line(unitTotals["people"]));
        Assert.Equal((50000m, 35000m, 15000m), Line(unitTotals["money"]));
    }

    [Fact]
    public async Task Bad_pledges_and_deliveries_answer_400_naming_the_fields()
    {
        var unit = (await fixture.CreateUnitAsync(PairingServiceFixture.NewCode())).GetProperty("id").GetGuid();
        using var admin = fixture.Admin();
        var pairing = (await fixture.PairAsync(admin, unit, await fixture.CreatePlaceAsync("village"))).GetProperty("id").GetGuid();
        using var pledge = await admin.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges",
            new { kind = "money", item = "", quantity = -1m, unit = "USD" });
        var errors = (await Http.ReadAsync(pledge, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "item", "quantity", "unit", "dueDate" }) Assert.True(errors.TryGetProperty(field, out _), field);

        var ok = await PledgeAsync(admin, pairing,
            new { kind = "materials", item = "Rice", quantity = 100m, unit = "kg", dueDate = fixture.Today });
        using var delivery = await admin.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges/{ok.GetProperty("id")}/deliveries",
            new { quantity = 0m });
        var deliveryErrors = (await Http.ReadAsync(delivery, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "quantity", "date", "evidence" }) Assert.True(deliveryErrors.TryGetProperty(field, out _), field);
    }

    private static (decimal, decimal, decimal) Line(JsonElement line) =>
        (line.GetProperty("pledged").GetDecimal(), line.GetProperty("delivered").GetDecimal(),
            line.GetProperty("outstanding").GetDecimal());

    private static async Task<JsonElement> PledgeAsync(HttpClient client, Guid pairing, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges", body);
        return await Http.ReadAsync(response, HttpStatusCode.Created);
    }

    private async Task<JsonElement> DeliverAsync(HttpClient client, Guid pairing, JsonElement pledge, decimal quantity,
        HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges/{pledge.GetProperty("id")}/deliveries",
            new { quantity, date = fixture.Today, evidence = "https://example.org/receipt/42" });
        return await Http.ReadAsync(response, expected);
    }
}
