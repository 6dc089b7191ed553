using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Civility.Volunteers.Tests;

/// <summary>
/// The county's day turns at its own midnight, 16:00 UTC: until 08:00 in the county the UTC date is still the day
/// before. Hours, reports and numbers go by the county's date; the instants are written in UTC.
/// </summary>
[Collection(VolunteersAtYearEndCollection.Name)]
public sealed class CountyDateTests(VolunteersAtYearEndFixture fixture)
{
    [Theory]
    [InlineData("2026-12-31T15:30:00Z", "2026-12-31", "2027-01-01")] // 23:30 on 31 December in the county
    [InlineData("2026-12-31T16:30:00Z", "2027-01-01", "2027-01-02")] // 00:30 on 1 January in the county, the 31st in UTC
    public async Task Hours_of_the_countys_today_are_taken_by_hand_and_by_import_and_the_next_days_are_not(
        string now, string today, string tomorrow)
    {
        fixture.SetNow(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
        using var admin = fixture.Service.Admin();
        var volunteer = await admin.RegisterAsync(await admin.NewUnitAsync());

        var recorded = await (await admin.PostAsJsonAsync("/api/volunteers/service-records",
            new { volunteerId = volunteer.Id(), serviceDate = today, hours = 2, content = "New Year's Eve patrol" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(today, recorded.GetProperty("serviceDate").GetString());
        var refused = await (await admin.PostAsJsonAsync("/api/volunteers/service-records",
            new { volunteerId = volunteer.Id(), serviceDate = tomorrow, hours = 2, content = "New Year's Day clinic" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("serviceDate", out _), refused.GetRawText());

        var number = volunteer.GetProperty("number").GetString();
        var report = await admin.ImportHoursAsync(
            $"volunteer_number,service_date,hours,content\n{number},{today},1.5,Night shift\n{number},{tomorrow},1.5,Morning shift\n");
        Assert.Equal((1, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "service_date"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task The_daily_limit_goes_by_the_countys_day_not_the_UTC_date()
    {
        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero)); // 23:30 on 31 December in the county
        using var admin = fixture.Service.Admin();
        var volunteer = (await admin.RegisterAsync(await admin.NewUnitAsync())).Id();
        async Task<HttpResponseMessage> Record(string date, decimal hours) => await admin.PostAsJsonAsync("/api/volunteers/service-records",
            new { volunteerId = volunteer, serviceDate = date, hours, content = "Night watch" });

        await (await Record("2026-12-31", 12m)).JsonAsync(HttpStatusCode.Created);
        await (await Record("2026-12-31", 0.5m)).JsonAsync(HttpStatusCode.UnprocessableEntity);

        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January in the county, the 31st in UTC
        await (await Record("2027-01-01", 12m)).JsonAsync(HttpStatusCode.Created);
        await (await Record("2027-01-01", 0.5m)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        await (await Record("2026-12-31", 0.5m)).JsonAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("2026-12-31T15:30:00Z", 2026)] // 23:30 on 31 December in the county
    [InlineData("2026-12-31T16:30:00Z", 2027)] // 00:30 on 1 January in the county, still 2026 in UTC
    public async Task The_targets_report_is_of_the_countys_year_when_none_is_asked(string now, int year)
    {
        fixture.SetNow(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
        using var admin = fixture.Service.Admin();

        var report = await (await admin.GetAsync("/api/volunteers/reports/targets")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(year, report.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task Hours_of_an_activity_that_starts_after_the_countys_midnight_are_of_the_new_day()
    {
        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero));
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var project = await (await admin.PostAsJsonAsync("/api/volunteers/projects",
            new { name = "New Year's night watch", category = "elderly-care", organizingUnitCode = unit }))
            .JsonAsync(HttpStatusCode.Created);
        var start = new DateTimeOffset(2026, 12, 31, 16, 10, 0, TimeSpan.Zero); // 00:10 on 1 January in the county
        var activity = (await (await admin.PostAsJsonAsync("/api/volunteers/activities", new
        {
            projectId = project.Id(), title = "Visiting the elderly living alone", place = "Xiyang village",
            startsAt = start, endsAt = start.AddHours(1), capacity = 5,
        })).JsonAsync(HttpStatusCode.Created)).Id();
        var volunteer = (await admin.RegisterAsync(unit)).Id();
        await (await admin.PostAsJsonAsync($"/api/volunteers/activities/{activity}/sign-ups", new { volunteerId = volunteer }))
            .JsonAsync(HttpStatusCode.OK);

        fixture.SetNow(start);
        await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{volunteer}/check-in", null))
            .JsonAsync(HttpStatusCode.OK);
        fixture.SetNow(start.AddMinutes(30));
        var checkedOut = await (await admin.PostAsync($"/api/volunteers/activities/{activity}/sign-ups/{volunteer}/check-out", null))
            .JsonAsync(HttpStatusCode.OK);

        var record = checkedOut.GetProperty("serviceRecord");
        Assert.Equal(("2027-01-01", 0.5m), (record.GetProperty("serviceDate").GetString(), record.GetProperty("hours").GetDecimal()));
    }

    [Fact]
    public async Task Numbers_and_a_certificates_printed_issue_date_are_of_the_countys_year_and_day()
    {
        fixture.SetNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January 2027 in the county
        using var admin = fixture.Service.Admin();
        var volunteer = await admin.RegisterAsync(await admin.NewUnitAsync());
        Assert.StartsWith("V2027", volunteer.GetProperty("number").GetString());
        await admin.ApprovedHoursAsync(volunteer.Id(), 3m, "2026-12-30");

        var certificate = await (await admin.PostAsJsonAsync($"/api/volunteers/{volunteer.Id()}/certificates",
            new { from = "2026-12-01", to = "2026-12-31", handler = "Li Ming", contact = "0571-88888888" }))
            .JsonAsync(HttpStatusCode.Created);
        var number = certificate.GetProperty("number").GetString()!;
        Assert.StartsWith("VC2027", number);
        var html = await admin.GetStringAsync($"/api/volunteers/certificates/{number}/print");
        Assert.Contains("<td>出具日期</td><td>2027-01-01</td>", html);
    }
}
