using System.Net;
using System.Net.Http.Json;
using Civility.Contracts.Volunteers;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class AssessmentTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task The_yearly_assessment_scores_a_known_data_set_from_consumed_events_and_local_records()
    {
        var code = PairingServiceFixture.NewCode("ASMT");
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        var year = fixture.Today.Year;

        // The volunteer service's figures: 10 staff, 8 of them registered, 240 staff hours = 24 h a head (50 hours of
        // volunteers who are not staff beside them, not in the ratio). Earlier versions and another year's figures
        // come too, every snapshot twice: only the newest of the year counts.
        UnitTargetsChanged Figures(long version, int registered, decimal staffHours, int forYear = 0) =>
            new(code, forYear == 0 ? year : forYear, version, 10, registered, staffHours, 50m);
        foreach (var evt in new[] { Figures(1, 5, 60m), Figures(3, 8, 240m), Figures(2, 7, 120m), Figures(9, 10, 999m, year - 1) })
        {
            await fixture.PublishAsync(evt);
            await fixture.PublishAsync(evt);
        }

        using var admin = fixture.Admin();
        var pairing = (await fixture.PairAsync(admin, unit, await fixture.CreatePlaceAsync("village"))).GetProperty("id").GetGuid();
        // Two of the four target activities completed; a planned one does not count.
        for (var i = 0; i < 3; i++)
        {
            using var created = await admin.PostAsJsonAsync("/api/pairing/activities",
                new { pairingId = pairing, category = "health-education", date = fixture.Today, location = "Village hall" });
            var activity = (await Http.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
            if (i < 2) (await admin.PostAsync($"/api/pairing/activities/{activity}/complete", null)).Dispose();
        }
        // Pledges due this year: one fully delivered, one half: 0.75.
        foreach (var delivered in new[] { 100m, 50m })
        {
            using var pledge = await admin.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges",
                new { kind = "money", item = "Fund", quantity = 100m, dueDate = fixture.Today });
            var pledgeId = (await Http.ReadAsync(pledge, HttpStatusCode.Created)).GetProperty("id").GetGuid();
            using var delivery = await admin.PostAsJsonAsync($"/api/pairing/pairings/{pairing}/pledges/{pledgeId}/deliveries",
                new { quantity = delivered, date = fixture.Today, evidence = "bank slip" });
            await Http.ReadAsync(delivery, HttpStatusCode.Created);
        }
        // Two tasks due this year, evidence filed for one: 0.5.
        for (var i = 0; i < 2; i++)
        {
            using var task = await admin.PostAsJsonAsync("/api/pairing/creation-tasks",
                new { title = $"Task {i}", basis = "Plan item 5", deadline = fixture.Today, unitCodes = new[] { code } });
            var taskId = (await Http.ReadAsync(task, HttpStatusCode.Created)).GetProperty("id").GetGuid();
            if (i == 0)
                (await admin.PostAsJsonAsync($"/api/pairing/creation-tasks/{taskId}/evidence",
                    new { unitCode = code, evidence = "photos" })).Dispose();
        }

        await Polling.UntilAsync(async () =>
        {
            using var response = await admin.GetAsync($"/api/pairing/civilized-units/{unit}/indicators?year={year}");
            var values = await Http.ReadAsync(response, HttpStatusCode.OK);
            return values.GetProperty("registrationRate").GetDecimal() == 0.8m && values.GetProperty("perCapitaHours").GetDecimal() == 0.5m
                ? "ok" : null;
        }, TimeSpan.FromSeconds(30), "the volunteer events applied");

        using var assess = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{unit}/assessments",
            new { year, deductions = new[] { new { item = "Complaint about a free clinic upheld", points = 1m } } });
        var assessment = await Http.ReadAsync(assess, HttpStatusCode.Created);
        var indicators = assessment.GetProperty("indicators");
        Assert.Equal(0.8m, indicators.GetProperty("registrationRate").GetDecimal());
        Assert.Equal(0.5m, indicators.GetProperty("perCapitaHours").GetDecimal());
        Assert.Equal(0.5m, indicators.GetProperty("activitiesHeld").GetDecimal());
        Assert.Equal(0.75m, indicators.GetProperty("pledgesDelivered").GetDecimal());
        Assert.Equal(0.5m, indicators.GetProperty("tasksDone").GetDecimal());
        // 25×0.8 + 25×0.5 + 20×0.5 + 15×0.75 + 15×0.5 = 61.25, less 1 = 60.25: between 60 and 80.
        Assert.Equal(60.25m, assessment.GetProperty("score").GetDecimal());
        Assert.Equal("rectify", assessment.GetProperty("proposedOutcome").GetString());

        using var again = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{unit}/assessments", new { year });
        await Http.ReadAsync(again, HttpStatusCode.Conflict);
        using var bad = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{unit}/assessments",
            new { year = 1900, deductions = new[] { new { item = "", points = 0m } } });
        var errors = (await Http.ReadAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "year", "deductions[0].item", "deductions[0].points" })
            Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Snapshots_of_one_unit_year_delivered_at_once_in_any_order_and_twice_end_at_the_newest()
    {
        var code = PairingServiceFixture.NewCode("SNAP");
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        var year = fixture.Today.Year;

        // Thirty versions of the figures, shuffled and each delivered twice, all at once. The newest: 9 of 10 staff
        // registered, 240 staff hours (24 h a head, half the 48 h target); any other version shows other figures.
        var snapshots = Enumerable.Range(1, 30)
            .Select(v => new UnitTargetsChanged(code, year, v, 10, v == 30 ? 9 : v % 9, v == 30 ? 240m : v * 3m, 1000m))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        await Task.WhenAll(snapshots.Concat(snapshots).Select(snapshot => fixture.PublishAsync(snapshot)));

        using var admin = fixture.Admin();
        async Task<(decimal, decimal)> IndicatorsAsync()
        {
            using var response = await admin.GetAsync($"/api/pairing/civilized-units/{unit}/indicators?year={year}");
            var indicators = await Http.ReadAsync(response, HttpStatusCode.OK);
            return (indicators.GetProperty("registrationRate").GetDecimal(), indicators.GetProperty("perCapitaHours").GetDecimal());
        }
        await Polling.UntilAsync(async () => await IndicatorsAsync() == (0.9m, 0.5m) ? "newest" : null,
            TimeSpan.FromSeconds(60), "the newest snapshot kept");

        // A stale version sent again under a new message id changes nothing.
        await fixture.PublishAsync(snapshots.Single(s => s.FiguresVersion == 5) with { EventId = Guid.NewGuid() });
        await Task.Delay(1000);
        Assert.Equal((0.9m, 0.5m), await IndicatorsAsync());
    }
}
