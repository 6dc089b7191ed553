using System.Net;
using System.Net.Http.Json;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class ActivitiesTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task Completing_an_activity_announces_the_hours_once_and_completing_again_answers_409()
    {
        var code = PairingServiceFixture.NewCode();
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        using var client = fixture.Unit(code);
        var pairing = (await fixture.PairAsync(client, unit, await fixture.CreatePlaceAsync("village"))).GetProperty("id").GetGuid();
        Guid alice = Guid.NewGuid(), bob = Guid.NewGuid();

        using var created = await client.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId = pairing, category = "free-clinic", date = fixture.Today, location = "Xiyang village hall",
            volunteers = new[] { new { volunteerId = alice, hours = 3.5m }, new { volunteerId = bob, hours = 2m } },
            peopleServed = new[] { new { group = "elderly", count = 40 }, new { group = "disabled", count = 5 } },
        });
        var activity = await Http.ReadAsync(created, HttpStatusCode.Created);
        var id = activity.GetProperty("id").GetGuid();
        Assert.Equal("planned", activity.GetProperty("status").GetString());

        using var complete = await client.PostAsync($"/api/pairing/activities/{id}/complete", null);
        Assert.Equal("completed", (await Http.ReadAsync(complete, HttpStatusCode.OK)).GetProperty("status").GetString());
        using var again = await client.PostAsync($"/api/pairing/activities/{id}/complete", null);
        await Http.ReadAsync(again, HttpStatusCode.Conflict);

        var published = (await fixture.OutboxAsync("PairingActivityCompleted"))
            .Where(e => e.GetProperty("activityId").GetGuid() == id).ToList();
        var evt = Assert.Single(published);
        Assert.Equal(code, evt.GetProperty("unitCode").GetString());
        Assert.Equal("free-clinic", evt.GetProperty("category").GetString());
        Assert.Equal(45, evt.GetProperty("peopleServed").GetInt32());
        var hours = evt.GetProperty("participants").EnumerateArray()
            .ToDictionary(p => p.GetProperty("volunteerId").GetGuid(), p => p.GetProperty("hours").GetDecimal());
        Assert.Equal(new Dictionary<Guid, decimal> { [alice] = 3.5m, [bob] = 2m }, hours);
    }

    [Fact]
    public async Task An_activity_in_the_future_cannot_be_completed_and_bad_input_names_the_fields()
    {
        var code = PairingServiceFixture.NewCode();
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        using var client = fixture.Unit(code);
        var pairing = (await fixture.PairAsync(client, unit, await fixture.CreatePlaceAsync("community"))).GetProperty("id").GetGuid();

        using var bad = await client.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId = pairing, category = "karaoke", location = "",
            volunteers = new[] { new { volunteerId = Guid.NewGuid(), hours = 30m } },
        });
        var errors = (await Http.ReadAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "category", "date", "location", "volunteers[0].hours" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        using var created = await client.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId = pairing, category = "minors-health-education", date = fixture.Today.AddDays(7), location = "Primary school",
        });
        var id = (await Http.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var early = await client.PostAsync($"/api/pairing/activities/{id}/complete", null);
        await Http.ReadAsync(early, HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain(await fixture.OutboxAsync("PairingActivityCompleted"), e => e.GetProperty("activityId").GetGuid() == id);
    }
}
