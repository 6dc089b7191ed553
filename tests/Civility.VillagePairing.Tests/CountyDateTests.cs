using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.VillagePairing.Jobs;

namespace Civility.VillagePairing.Tests;

/// <summary>
/// The county's day turns at its own midnight, 16:00 UTC: until 08:00 in the county the UTC date is still the day
/// before. Lapses, completions and deadlines go by the county's date; the instants are written in UTC.
/// </summary>
[Collection(PairingAtYearEndCollection.Name)]
public sealed class CountyDateTests(PairingAtYearEndFixture fixture)
{
    [Fact]
    public async Task A_title_due_for_review_on_31_December_lapses_at_the_first_job_run_after_the_countys_midnight_and_not_before()
    {
        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero));
        var code = PairingServiceFixture.NewCode("LAPS");
        var unit = await fixture.CreateUnitAsync(code, termStart: new DateOnly(2024, 1, 1));
        Assert.Equal("2026-12-31", unit.GetProperty("reviewDeadline").GetString());
        var id = unit.GetProperty("id").GetGuid();

        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 15, 55, 0, TimeSpan.Zero)); // 23:55 on the deadline in the county
        await fixture.RunJobAsync<TitleLapseJob>();
        Assert.Equal("active", (await GetUnitAsync(id)).GetProperty("status").GetString());

        var afterMidnight = new DateTimeOffset(2026, 12, 31, 16, 5, 0, TimeSpan.Zero); // 00:05 the next day in the county
        fixture.SetNow(afterMidnight);
        await fixture.RunJobAsync<TitleLapseJob>();
        var lapsed = await GetUnitAsync(id);
        Assert.Equal("lapsed", lapsed.GetProperty("status").GetString());
        var change = Assert.Single(lapsed.GetProperty("history").EnumerateArray());
        Assert.Equal(("lapse", "schedule", "No review recorded by 2026-12-31.", afterMidnight),
            (change.GetProperty("action").GetString(), change.GetProperty("by").GetString(), change.GetProperty("reason").GetString(),
                change.GetProperty("at").GetDateTimeOffset()));
        var announced = (await fixture.OutboxAsync("CivilizedUnitStatusChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == code).ToList();
        Assert.Equal("lapsed", Assert.Single(announced).GetProperty("toStatus").GetString());
    }

    [Fact]
    public async Task An_activity_of_the_countys_new_day_is_completed_half_an_hour_after_midnight_and_announced_with_that_date()
    {
        var now = new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero); // 00:30 on 1 January 2027 in the county
        fixture.SetNow(now);
        var code = PairingServiceFixture.NewCode();
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        using var client = fixture.Unit(code);
        var pairing = (await fixture.PairAsync(client, unit, await fixture.CreatePlaceAsync("village"))).GetProperty("id").GetGuid();
        var newYearsDay = await CreateActivityAsync(client, pairing, new DateOnly(2027, 1, 1));
        var dayAfter = await CreateActivityAsync(client, pairing, new DateOnly(2027, 1, 2));

        using var complete = await client.PostAsync($"/api/pairing/activities/{newYearsDay}/complete", null);
        var completed = await Http.ReadAsync(complete, HttpStatusCode.OK);
        Assert.Equal(("completed", "2027-01-01", now),
            (completed.GetProperty("status").GetString(), completed.GetProperty("date").GetString(),
                completed.GetProperty("completedAt").GetDateTimeOffset()));
        var announced = Assert.Single(await fixture.OutboxAsync("PairingActivityCompleted"),
            e => e.GetProperty("activityId").GetGuid() == newYearsDay);
        Assert.Equal("2027-01-01", announced.GetProperty("date").GetString());

        using var early = await client.PostAsync($"/api/pairing/activities/{dayAfter}/complete", null);
        await Http.ReadAsync(early, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_task_may_be_due_on_the_countys_today_just_after_midnight_and_not_on_the_day_before()
    {
        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January 2027 in the county
        using var admin = fixture.Admin();
        var units = new[] { PairingServiceFixture.NewCode("TASK") };

        using var today = await admin.PostAsJsonAsync("/api/pairing/creation-tasks",
            new
            {
                title = "New Year's visits to the elderly", basis = "County plan, item 1",
                deadline = new DateOnly(2027, 1, 1), unitCodes = units,
            });
        await Http.ReadAsync(today, HttpStatusCode.Created);
        using var yesterday = await admin.PostAsJsonAsync("/api/pairing/creation-tasks",
            new
            {
                title = "New Year's Eve patrol", basis = "County plan, item 2",
                deadline = new DateOnly(2026, 12, 31), unitCodes = units,
            });
        Assert.True((await Http.ReadAsync(yesterday, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("deadline", out _));
    }

    private static async Task<Guid> CreateActivityAsync(HttpClient client, Guid pairing, DateOnly date)
    {
        using var created = await client.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId = pairing, category = "free-clinic", date, location = "Xiyang village hall",
            volunteers = new[] { new { volunteerId = Guid.NewGuid(), hours = 2m } },
        });
        return (await Http.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> GetUnitAsync(Guid id)
    {
        using var admin = fixture.Admin();
        using var response = await admin.GetAsync($"/api/pairing/civilized-units/{id}");
        return await Http.ReadAsync(response, HttpStatusCode.OK);
    }
}
