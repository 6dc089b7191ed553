using System.Net;
using System.Net.Http.Json;

namespace Civility.Volunteers.Tests;

[Collection(VolunteersCollection.Name)]
public sealed class ActivityTests(VolunteersServiceFixture fixture)
{
    private async Task<(string Unit, Guid Activity, DateTimeOffset Start)> ActivityAsync(HttpClient admin, int capacity)
    {
        var unit = await admin.NewUnitAsync();
        var project = await (await admin.PostAsJsonAsync("/api/volunteers/projects",
            new { name = "Care for empty-nest elderly", category = "elderly-care", organizingUnitCode = unit }))
            .JsonAsync(HttpStatusCode.Created);
        var start = fixture.Clock.GetUtcNow().AddDays(1);
        var activity = await (await admin.PostAsJsonAsync("/api/volunteers/activities", new
        {
            projectId = project.Id(), title = "Home visits", place = "Xiyang village",
            startsAt = start, endsAt = start.AddHours(3), capacity,
        })).JsonAsync(HttpStatusCode.Created);
        return (unit, activity.Id(), start);
    }

    [Fact]
    public async Task Times_sent_in_Beijing_time_are_kept_as_the_same_instant()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var project = await (await admin.PostAsJsonAsync("/api/volunteers/projects",
            new { name = "Free clinic", category = "medical-service-in-communities", organizingUnitCode = unit }))
            .JsonAsync(HttpStatusCode.Created);
        var start = fixture.Clock.GetUtcNow().AddDays(2).ToOffset(TimeSpan.FromHours(8));
        var activity = await (await admin.PostAsJsonAsync("/api/volunteers/activities", new
        {
            projectId = project.Id(), title = "Free clinic", place = "Baiyun township",
            startsAt = start, endsAt = start.AddHours(2), capacity = 5,
        })).JsonAsync(HttpStatusCode.Created);
        var stored = await (await admin.GetAsync($"/api/volunteers/activities/{activity.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(start, stored.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, stored.GetProperty("startsAt").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task Activities_are_listed_by_project_and_period_soonest_first_and_a_unit_sees_its_own()
    {
        using var admin = fixture.Service.Admin();
        var (unit, first, start) = await ActivityAsync(admin, capacity: 3);
        var project = (await (await admin.GetAsync($"/api/volunteers/activities/{first}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("projectId").GetGuid();
        var later = (await (await admin.PostAsJsonAsync("/api/volunteers/activities", new
        {
            projectId = project, title = "Health talk", place = "Xiyang village",
            startsAt = start.AddDays(10), endsAt = start.AddDays(10).AddHours(2), capacity = 30,
        })).JsonAsync(HttpStatusCode.Created)).Id();

        var all = await (await admin.GetAsync($"/api/volunteers/activities?projectId={project}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([first, later], all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var period = Uri.EscapeDataString(start.AddDays(5).ToString("O"));
        var fromLater = await (await admin.GetAsync($"/api/volunteers/activities?projectId={project}&from={period}"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal([later], fromLater.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        await (await admin.GetAsync("/api/volunteers/activities?pageSize=500")).JsonAsync(HttpStatusCode.BadRequest);

        using var otherUnit = fixture.Service.ClientFor("other-unit", await admin.NewUnitAsync(), "volunteers.read");
        var seen = await (await otherUnit.GetAsync($"/api/volunteers/activities?projectId={project}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, seen.GetProperty("total").GetInt32());
        using var ownUnit = fixture.Service.ClientFor("own-unit", unit, "volunteers.read");
        var own = await (await ownUnit.GetAsync($"/api/volunteers/activities?projectId={project}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, own.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sign_ups_beyond_capacity_wait_and_the_first_in_line_is_promoted_when_someone_cancels()
    {
        using var admin = fixture.Service.Admin();
        var (unit, activity, _) = await ActivityAsync(admin, capacity: 2);
        var people = new List<Guid>();
        for (var i = 0; i < 4; i++) people.Add((await admin.RegisterAsync(unit)).Id());

        var statuses = new List<string>();
        foreach (var volunteerId in people)
            statuses.Add((await (await admin.PostAsJsonAsync($"/api/volunteers/activities/{activity}/sign-ups", new { volunteerId }))
                .JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString()!);
        Assert.Equal(["confirmed", "confirmed", "waitlisted", "waitlisted"], statuses);
        await (await admin.PostAsJsonAsync($"/api/volunteers/activities/{activity}/sign-ups", new { volunteerId = people[0] }))
            .JsonAsync(HttpStatusCode.Conflict);

        var after = await (await admin.DeleteAsync($"/api/volunteers/activities/{activity}/sign-ups/{people[1]}"))
            .JsonAsync(HttpStatusCode.OK);
        var byVolunteer = after.GetProperty("signUps").EnumerateArray()
            .ToDictionary(s => s.GetProperty("volunteerId").GetGuid(), s => s.GetProperty("status").GetString());
        Assert.Equal("cancelled", byVolunteer[people[1]]);
        Assert.Equal("confirmed", byVolunteer[people[2]]); // first in line
        Assert.Equal("waitlisted", byVolunteer[people[3]]);
        Assert.Equal(2, after.GetProperty("confirmed").GetInt32());
    }

    [Fact]
    public async Task Concurrent_sign_ups_never_exceed_the_capacity()
    {
        using var admin = fixture.Service.Admin();
        var (unit, activity, _) = await ActivityAsync(admin, capacity: 3);
        var people = new List<Guid>();
        for (var i = 0; i < 12; i++) people.Add((await admin.RegisterAsync(unit)).Id());

        var responses = await Task.WhenAll(people.Select(async volunteerId =>
        {
            using var client = fixture.Service.Admin();
            return await (await client.PostAsJsonAsync($"/api/volunteers/activities/{activity}/sign-ups", new { volunteerId }))
                .JsonAsync(HttpStatusCode.OK);
        }));
        Assert.Equal(3, responses.Count(r => r.GetProperty("status").GetString() == "confirmed"));
        var state = await (await admin.GetAsync($"/api/volunteers/activities/{activity}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, state.GetProperty("confirmed").GetInt32());
    }

    [Fact]
    public async Task Check_out_records_the_actual_time_late_arrival_moves_the_start_early_arrival_is_not_credited()
    {
        using var admin = fixture.Service.Admin();
        var (unit, activity, start) = await ActivityAsync(admin, capacity: 5);
        var late = (await admin.RegisterAsync(unit)).Id();
        var early = (await admin.RegisterAsync(unit)).Id();
        foreach (var volunteerId in new[] { late, early })
            await (await admin.PostAsJsonAsync($"/api/volunteers/activities/{activity}/sign-ups", new { volunteerId }))
                .JsonAsync(HttpStatusCode.OK);

        await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{late}/check-out", null))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);
        fixture.Clock.SetUtcNow(start.AddMinutes(-30));
        await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{early}/check-in", null))
            .JsonAsync(HttpStatusCode.OK);
        fixture.Clock.SetUtcNow(start.AddMinutes(45));
        await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{late}/check-in", null)).JsonAsync(HttpStatusCode.OK);
        fixture.Clock.SetUtcNow(start.AddHours(2));
        var earlyOut = await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{early}/check-out", null))
            .JsonAsync(HttpStatusCode.OK);
        fixture.Clock.SetUtcNow(start.AddHours(4)); // an hour after the end: not credited either
        var lateOut = await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{late}/check-out", null))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2.00m, earlyOut.GetProperty("serviceRecord").GetProperty("hours").GetDecimal());
        Assert.Equal(2.25m, lateOut.GetProperty("serviceRecord").GetProperty("hours").GetDecimal());
        Assert.Equal("pending", lateOut.GetProperty("serviceRecord").GetProperty("status").GetString());
        await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{late}/check-out", null))
            .JsonAsync(HttpStatusCode.Conflict);
    }
}
