using System.Net;
using System.Net.Http.Json;

namespace Civility.VillagePairing.Tests;

/// <summary>Races on one aggregate: the loser is refused (409 or 422), never a 500 and never a double effect.</summary>
[Collection(PairingCollection.Name)]
public sealed class ConcurrencyTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task Racing_deliveries_never_exceed_the_pledge()
    {
        var unit = (await fixture.CreateUnitAsync(PairingServiceFixture.NewCode())).GetProperty("id").GetGuid();
        using var admin = fixture.Admin();
        var pairing = (await fixture.PairAsync(admin, unit, await fixture.CreatePlaceAsync("village"))).GetProperty("id").GetGuid();
        using var pledge = await admin.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges",
            new { kind = "materials", item = "Wheelchairs", quantity = 10m, unit = "piece", dueDate = fixture.Today.AddDays(30) });
        var pledgeId = (await Http.ReadAsync(pledge, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = fixture.Admin();
            using var response = await client.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges/{pledgeId}/deliveries",
                new { quantity = 4m, date = fixture.Today, evidence = "receipt" });
            return response.StatusCode;
        }));
        Assert.All(responses,
            s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var accepted = responses.Count(s => s == HttpStatusCode.Created);
        Assert.InRange(accepted, 1, 2);

        using var ledger = await admin.GetAsync($"/api/pairing/pairings/{pairing}/ledger");
        var line = (await Http.ReadAsync(ledger, HttpStatusCode.OK)).GetProperty("totals")[0];
        Assert.Equal(4m * accepted, line.GetProperty("delivered").GetDecimal());
    }

    [Fact]
    public async Task Racing_completions_announce_the_activity_once()
    {
        var code = PairingServiceFixture.NewCode();
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        using var admin = fixture.Admin();
        var pairing = (await fixture.PairAsync(admin, unit, await fixture.CreatePlaceAsync("community"))).GetProperty("id").GetGuid();
        using var created = await admin.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId = pairing, category = "neighbourhood-watch", date = fixture.Today, location = "Street office",
            volunteers = new[] { new { volunteerId = Guid.NewGuid(), hours = 2m } },
        });
        var id = (await Http.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var client = fixture.Admin();
            using var response = await client.PostAsync($"/api/pairing/activities/{id}/complete", null);
            return response.StatusCode;
        }));
        Assert.Single(responses, s => s == HttpStatusCode.OK);
        Assert.All(responses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Single(await fixture.OutboxAsync("PairingActivityCompleted"), e => e.GetProperty("activityId").GetGuid() == id);
    }
}
