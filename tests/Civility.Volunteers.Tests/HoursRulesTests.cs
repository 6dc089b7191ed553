using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Civility.Volunteers.Tests;

/// <summary>The plausibility rules, at their edges, on each source: entry, import, check-out, pairing activity.</summary>
[Collection(VolunteersCollection.Name)]
public sealed class HoursRulesTests(VolunteersServiceFixture fixture)
{
    private const decimal Cap = 12m; // Volunteers:MaxHoursPerDay by default

    [Fact]
    public async Task An_entry_may_bring_a_day_to_exactly_the_limit_and_not_a_hundredth_over_pending_hours_counting_declined_ones_not()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = (await admin.RegisterAsync(await admin.NewUnitAsync())).Id();
        var day = fixture.CountyToday().AddDays(-3);

        var pending = await admin.PendingAsync(volunteer, 8m, day);
        await admin.PendingAsync(volunteer, Cap - 8m, day);
        var over = await (await admin.RecordAsync(volunteer, 0.01m, day)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("12", over.GetProperty("detail").GetString());
        await admin.PendingAsync(volunteer, 5m, day.AddDays(-1)); // another day is another day

        await (await admin.PostAsJsonAsync($"{Hours.Records}/{pending}/decline", new { reason = "Wrong day" }))
            .JsonAsync(HttpStatusCode.OK);
        await admin.PendingAsync(volunteer, 8m, day);
        await (await admin.RecordAsync(volunteer, 0.01m, day)).JsonAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Entries_older_than_the_record_age_limit_are_for_an_administrator_only()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var volunteer = (await admin.RegisterAsync(unit)).Id();
        using var client = fixture.Service.ClientFor("unit-client", unit, "volunteers.read", "volunteers.write");
        var today = fixture.CountyToday();

        await client.PendingAsync(volunteer, 2m, today.AddDays(-366));
        var old = await (await client.RecordAsync(volunteer, 2m, today.AddDays(-367))).JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("366", old.GetProperty("detail").GetString());
        await admin.PendingAsync(volunteer, 2m, today.AddDays(-367));
        await admin.PendingAsync(volunteer, 2m, today.AddYears(-30));

        var number = (await (await admin.GetAsync($"/api/volunteers/{volunteer}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("number").GetString();
        var csv = $"volunteer_number,service_date,hours,content\n{number},{today.AddDays(-366).Iso()},1,Clinic\n" +
            $"{number},{today.AddDays(-367).Iso()},1,Clinic\n";
        var byUnit = await client.ImportHoursAsync(csv);
        Assert.Equal((1, 1), (byUnit.GetProperty("imported").GetInt32(), byUnit.GetProperty("rejected").GetInt32()));
        var error = Assert.Single(byUnit.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "service_date"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        var byAdmin = await admin.ImportHoursAsync(csv);
        Assert.Equal((1, 1, 0), (byAdmin.GetProperty("imported").GetInt32(), byAdmin.GetProperty("skipped").GetInt32(),
            byAdmin.GetProperty("rejected").GetInt32()));
    }

    [Fact]
    public async Task Timed_hours_may_not_be_longer_than_their_time_nor_overlap_other_timed_hours_of_the_volunteer()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = (await admin.RegisterAsync(await admin.NewUnitAsync())).Id();
        var day = fixture.CountyToday().AddDays(-2);
        var nine = new DateTimeOffset(day.Year, day.Month, day.Day, 9, 0, 0, TimeSpan.FromHours(8));

        await (await admin.RecordAsync(volunteer, 2.01m, day, nine, nine.AddHours(2))).JsonAsync(HttpStatusCode.UnprocessableEntity);
        await (await admin.RecordAsync(volunteer, 2m, day, nine, nine.AddHours(2))).JsonAsync(HttpStatusCode.Created);
        var overlap = await (await admin.RecordAsync(volunteer, 1m, day, nine.AddHours(1.5), nine.AddHours(2.5)))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("part of this time", overlap.GetProperty("detail").GetString());
        await (await admin.RecordAsync(volunteer, 1m, day, nine.AddHours(2), nine.AddHours(3)))
            .JsonAsync(HttpStatusCode.Created); // touching is not overlapping
        await (await admin.RecordAsync(volunteer, 1m, day, nine.AddDays(1), nine.AddDays(1).AddHours(1)))
            .JsonAsync(HttpStatusCode.BadRequest); // not its service date
    }

    [Fact]
    public async Task A_check_out_is_refused_when_it_would_overlap_or_pass_the_limit()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var volunteer = (await admin.RegisterAsync(unit)).Id();
        var project = await (await admin.PostAsJsonAsync("/api/volunteers/projects",
            new { name = "Home visits", category = "elderly-care", organizingUnitCode = unit })).JsonAsync(HttpStatusCode.Created);
        fixture.AdvanceToCountyHour(10);
        var start = fixture.Clock.GetUtcNow().AddHours(1);
        var activity = (await (await admin.PostAsJsonAsync("/api/volunteers/activities", new
        {
            projectId = project.Id(), title = "Home visits", place = "Xiyang village",
            startsAt = start, endsAt = start.AddHours(2), capacity = 5,
        })).JsonAsync(HttpStatusCode.Created)).Id();
        var signUps = $"/api/volunteers/activities/{activity}/sign-ups";
        await (await admin.PostAsJsonAsync(signUps, new { volunteerId = volunteer })).JsonAsync(HttpStatusCode.OK);
        var serviceDay = DateOnly.FromDateTime(start.ToOffset(TimeSpan.FromHours(8)).DateTime);
        // Hours entered by hand for the same hour of the same day.
        await (await admin.RecordAsync(volunteer, 1m, serviceDay, start.AddMinutes(30), start.AddMinutes(90)))
            .JsonAsync(HttpStatusCode.Created);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await (await admin.PostAsync($"{signUps}/{volunteer}/check-in", null)).JsonAsync(HttpStatusCode.OK);
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var refused = await (await admin.PostAsync($"{signUps}/{volunteer}/check-out", null)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("part of this time", refused.GetProperty("detail").GetString());
        Assert.Single(await admin.RecordsOfAsync(volunteer));
    }

    [Fact]
    public async Task An_import_refuses_the_line_that_passes_a_volunteers_day_and_a_resent_file_adds_nothing()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = await admin.RegisterAsync(await admin.NewUnitAsync());
        var number = volunteer.GetProperty("number").GetString();
        var day = fixture.CountyToday().AddDays(-4).Iso();
        await admin.PendingAsync(volunteer.Id(), 2m, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var file = new StringBuilder("volunteer_number,service_date,hours,content\n")
            .Append($"{number},{day},6,Morning clinic\n")
            .Append($"{number},{day},4,Afternoon clinic\n")   // 12 with the 2 entered: exactly the limit
            .Append($"{number},{day},0.5,Evening talk\n")     // one over
            .Append($"{number},{day},6,Morning clinic\n")     // a repeat of line 2
            .ToString();

        var report = await admin.ImportHoursAsync(file);
        Assert.Equal((2, 1, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("skipped").GetInt32(),
            report.GetProperty("rejected").GetInt32()));
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal((4, "hours"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(12m, (await admin.RecordsOfAsync(volunteer.Id())).Sum(r => r.GetProperty("hours").GetDecimal()));

        var again = await admin.ImportHoursAsync(file);
        Assert.Equal((0, 3, 1), (again.GetProperty("imported").GetInt32(), again.GetProperty("skipped").GetInt32(),
            again.GetProperty("rejected").GetInt32()));
        Assert.Equal(12m, (await admin.RecordsOfAsync(volunteer.Id())).Sum(r => r.GetProperty("hours").GetDecimal()));
    }

    [Fact]
    public async Task Pairing_hours_that_break_a_rule_are_kept_pending_with_the_reason_and_cannot_be_approved_past_the_limit()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var volunteer = (await admin.RegisterAsync(unit)).Id();
        var day = fixture.CountyToday().AddDays(-5);
        var entered = await admin.PendingAsync(volunteer, 10m, day);
        await (await admin.PostAsync($"{Hours.Records}/{entered}/approve", null)).JsonAsync(HttpStatusCode.OK);

        await fixture.PairingActivityAsync(unit, day, (volunteer, 4m));
        var held = (await admin.AwaitRecordsAsync(volunteer, 2)).Single(r => r.Id() != entered);
        Assert.Equal("pending", held.GetProperty("status").GetString());
        Assert.Contains("12", held.GetProperty("heldReason").GetString());
        var refused = await (await admin.PostAsync($"{Hours.Records}/{held.Id()}/approve", null))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("12", refused.GetProperty("detail").GetString());

        // Exactly up to the limit is approved at once; a date after the county's today is held.
        var other = (await admin.RegisterAsync(unit)).Id();
        await (await admin.PostAsync($"{Hours.Records}/{await admin.PendingAsync(other, 10m, day)}/approve", null))
            .JsonAsync(HttpStatusCode.OK);
        await fixture.PairingActivityAsync(unit, day, (other, 2m));
        await fixture.PairingActivityAsync(unit, fixture.CountyToday().AddDays(1), (other, 2m));
        var records = await admin.AwaitRecordsAsync(other, 3);
        Assert.Equal(12m, records.Where(r => r.GetProperty("status").GetString() == "approved")
            .Sum(r => r.GetProperty("hours").GetDecimal()));
        var future = records.Single(r => r.GetProperty("status").GetString() == "pending");
        Assert.Contains("before it happens", future.GetProperty("heldReason").GetString());
    }

    [Fact]
    public async Task A_bulk_approval_counts_what_it_approves_itself_the_record_that_passes_the_limit_is_refused()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var volunteer = (await admin.RegisterAsync(unit)).Id();
        var day = fixture.CountyToday().AddDays(-6);
        var entered = await admin.PendingAsync(volunteer, 8m, day);
        // Pairing hours beyond the day's limit are held pending beside the entered ones: 8 + 6 = 14 pending.
        await fixture.PairingActivityAsync(unit, day, (volunteer, 6m));
        var held = (await admin.AwaitRecordsAsync(volunteer, 2)).Single(r => r.Id() != entered);
        Assert.Equal("pending", held.GetProperty("status").GetString());

        var bulk = await (await admin.PostAsJsonAsync($"{Hours.Records}/approve", new { ids = new[] { entered, held.Id() } }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, bulk.GetProperty("approved").GetInt32());
        var failure = Assert.Single(bulk.GetProperty("failed").EnumerateArray());
        Assert.Equal(held.Id(), failure.GetProperty("id").GetGuid());
        Assert.Contains("12", failure.GetProperty("reason").GetString());
        var records = await admin.RecordsOfAsync(volunteer);
        Assert.Equal(8m, records.Where(r => r.GetProperty("status").GetString() == "approved")
            .Sum(r => r.GetProperty("hours").GetDecimal()));
        Assert.Equal(8m, (await admin.TargetsAsync(unit, day.Year)).GetProperty("approvedHours").GetDecimal());
    }
}
