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

        // Volunteer service: 10 staff, 8 of them registered (+1 who is not staff), 240 approved hours = 24 h a head.
        // Every event is delivered twice: the inbox must apply each once.
        var events = new List<Civility.Contracts.IntegrationEvent> { new UnitHeadcountSet(code, $"Hospital {code}", year, 10) };
        for (var i = 0; i < 9; i++)
            events.Add(new VolunteerRegistered(Guid.NewGuid(), code, $"Volunteer {i}", "3501**********0011", IsStaffOfUnit: i < 8));
        events.Add(new ServiceHoursApproved(Guid.NewGuid(), Guid.NewGuid(), code, 100m, fixture.Today, "activity"));
        events.Add(new ServiceHoursApproved(Guid.NewGuid(), Guid.NewGuid(), code, 140m, fixture.Today, "activity"));
        events.Add(new ServiceHoursApproved(Guid.NewGuid(), Guid.NewGuid(), code, 999m, new DateOnly(year - 1, 6, 1), "activity"));
        foreach (var evt in events)
        {
            await fixture.PublishAsync((dynamic)evt);
            await fixture.PublishAsync((dynamic)evt);
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
                (await admin.PostAsJsonAsync($"/api/pairing/creation-tasks/{taskId}/evidence", new { unitCode = code, evidence = "photos" })).Dispose();
        }

        await Polling.UntilAsync(async () =>
        {
            using var response = await admin.GetAsync($"/api/pairing/civilized-units/{unit}/indicators?year={year}");
            var values = await Http.ReadAsync(response, HttpStatusCode.OK);
            return values.GetProperty("registrationRate").GetDecimal() == 0.8m && values.GetProperty("perCapitaHours").GetDecimal() == 0.5m ? "ok" : null;
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
        foreach (var field in new[] { "year", "deductions[0].item", "deductions[0].points" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task A_burst_of_approved_hours_for_one_unit_adds_up_to_the_exact_total_each_counted_once()
    {
        var code = PairingServiceFixture.NewCode("BRST");
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        var year = fixture.Today.Year;
        await fixture.PublishAsync(new UnitHeadcountSet(code, $"Hospital {code}", year, 10));

        // 400 approvals land on one unit-year row at once (a bulk approval), each delivered twice: 400 × 0.6 h = 240 h,
        // 24 h a head of 10, half the 48 h target (a second count of any would show above 0.5).
        var approvals = Enumerable.Range(0, 400)
            .Select(_ => new ServiceHoursApproved(Guid.NewGuid(), Guid.NewGuid(), code, 0.6m, fixture.Today, "import")).ToList();
        await Task.WhenAll(approvals.Concat(approvals).Select(approval => fixture.PublishAsync(approval)));

        using var admin = fixture.Admin();
        decimal perCapita = 0;
        await Polling.UntilAsync(async () =>
        {
            using var response = await admin.GetAsync($"/api/pairing/civilized-units/{unit}/indicators?year={year}");
            perCapita = (await Http.ReadAsync(response, HttpStatusCode.OK)).GetProperty("perCapitaHours").GetDecimal();
            return perCapita >= 0.5m ? "all applied" : null;
        }, TimeSpan.FromSeconds(60), "the approvals applied");
        await Task.Delay(1000); // a second application of any of them would show by now
        using var settled = await admin.GetAsync($"/api/pairing/civilized-units/{unit}/indicators?year={year}");
        Assert.Equal(0.5m, (await Http.ReadAsync(settled, HttpStatusCode.OK)).GetProperty("perCapitaHours").GetDecimal());
    }
}
