using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.CreditList.Tests;

/// <summary>
/// The calendar as data in the service's schema: the shipped years, provisional years, notices loaded by an
/// administrator, and open deadlines counted again on them. Years other tests never load are used where a test
/// needs a year to stay provisional (2030, 2031, 2035) or to load its own (2029, 2033).
/// </summary>
[Collection(CreditListCollection.Name)]
public sealed class CalendarApiTests(CreditListServiceFixture fixture)
{
    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2024, "国办发明电〔2023〕7号", "2023-10-25")]
    [InlineData(2025, "国办发明电〔2024〕12号", "2024-11-12")]
    [InlineData(2026, "国办发明电〔2025〕7号", "2025-11-04")]
    public async Task The_shipped_years_are_official_with_their_notice(int year, string number, string publishedOn)
    {
        using var anonymous = fixture.Service.Anonymous();
        var calendar = await CreditApi.GetJsonAsync(anonymous, $"/api/credit/calendar/{year}");
        Assert.Equal("official", calendar.GetProperty("status").GetString());
        Assert.Equal(number, calendar.GetProperty("source").GetProperty("number").GetString());
        Assert.Equal(publishedOn, calendar.GetProperty("source").GetProperty("publishedOn").GetString());
    }

    [Theory]
    [InlineData("2024-09-29", "make-up-working-day")] // a Sunday, made up for National Day
    [InlineData("2024-10-12", "make-up-working-day")] // a Saturday, made up
    [InlineData("2024-10-01", "holiday")]
    [InlineData("2024-10-04", "holiday")] // a Friday inside the holiday
    [InlineData("2024-10-07", "holiday")]
    [InlineData("2024-10-08", null)]
    [InlineData("2024-09-28", null)] // an ordinary Saturday
    [InlineData("2024-02-18", "make-up-working-day")] // a Sunday, made up for the Spring Festival
    [InlineData("2025-01-28", "holiday")]
    [InlineData("2025-02-08", "make-up-working-day")]
    [InlineData("2025-10-08", "holiday")]
    [InlineData("2026-02-23", "holiday")] // a Monday inside the 2026 Spring Festival
    [InlineData("2026-02-28", "make-up-working-day")] // a Saturday, made up
    [InlineData("2026-01-05", null)]
    public async Task The_shipped_years_know_their_holidays_and_make_up_working_days(string date, string? kind)
    {
        using var anonymous = fixture.Service.Anonymous();
        var days = (await CreditApi.GetJsonAsync(anonymous, $"/api/credit/calendar/{date[..4]}")).GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("kind").GetString());
        Assert.Equal(kind, days.GetValueOrDefault(date));
    }

    [Fact]
    public async Task Deadlines_on_the_shipped_years_count_as_before()
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var calendar = await CalendarStore.LoadAsync(scope.ServiceProvider.GetRequiredService<CreditDbContext>());
        // Friday 27 Sep 2024 + 3 working days: Sun 29 (made up), Mon 30, then 1–7 Oct off, Tue 8 Oct.
        Assert.Equal(D("2024-10-08"), calendar.Count(D("2024-09-27"), 3).Counted);
        // An ordinary week: Monday + 5 working days is the next Monday.
        Assert.Equal(D("2024-11-11"), calendar.Count(D("2024-11-04"), 5).Counted);
        Assert.False(calendar.Count(D("2024-11-04"), 5).Provisional);
    }

    [Fact]
    public async Task A_year_without_a_notice_is_provisional_never_an_error()
    {
        using var anonymous = fixture.Service.Anonymous();
        var calendar = await CreditApi.GetJsonAsync(anonymous, "/api/credit/calendar/2030");
        Assert.Equal("provisional", calendar.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, calendar.GetProperty("source").ValueKind);
        var days = calendar.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(calendar.GetProperty("statutoryHolidays").GetArrayLength(), days.Count);
        Assert.All(days, d => Assert.Equal("holiday", d.GetProperty("kind").GetString()));
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2030-01-01");
        Assert.Empty(calendar.GetProperty("missingStatutoryHolidays").EnumerateArray());

        using var beyond = await anonymous.GetAsync(
            $"/api/credit/calendar/{Civility.CreditList.Domain.Calendar.StatutoryHolidays.LastYear + 1}");
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }

    [Fact]
    public async Task Today_is_the_county_date_and_says_what_kind_of_day_it_is()
    {
        using var anonymous = fixture.Service.Anonymous();
        fixture.Clock.AdjustTime(new DateTimeOffset(2030, 9, 30, 16, 30, 0, TimeSpan.Zero)); // 00:30 on Tue 1 Oct 2030 in the county
        var today = await CreditApi.GetJsonAsync(anonymous, "/api/credit/calendar/today");
        Assert.Equal("2030-10-01", today.GetProperty("date").GetString());
        Assert.False(today.GetProperty("workingDay").GetBoolean());
        Assert.Equal("provisional", today.GetProperty("calendar").GetString());
        Assert.Equal("tuesday", today.GetProperty("weekday").GetString());
    }

    [Fact]
    public async Task Objections_taken_over_new_year_are_provisional_and_recounted_on_the_official_notice_never_earlier()
    {
        using var admin = fixture.Service.Admin();
        // A: at 10:00 on Mon 28 Dec 2026 in the county. 20 working days on the provisional 2027: Dec 29–31, then
        // 1 Jan (statutory) off, 4–8, 11–15, 18–22, 25, 26 Jan.
        var entryA = await CreditApi.ActiveBlackEntryAsync(fixture, admin, D("2026-12-10"));
        fixture.SetToday(D("2026-12-28"));
        var objectionA = await CreditApi.FileObjectionAsync(admin, entryA);
        Assert.Equal("2027-01-26", objectionA.GetProperty("decideBy").GetString());
        Assert.True(objectionA.GetProperty("provisional").GetBoolean());
        Assert.Equal([(2026, "official"), (2027, "provisional")], CalendarYears(objectionA));
        Assert.True(JsonDocument.Parse(Assert.Single(await fixture.EventsAsync("ListingUnderObjection", entryA))).RootElement
            .GetProperty("decideByProvisional").GetBoolean());

        // B: on Wed 20 Jan 2027, across the statutory Spring Festival (eve Fri 5 Feb to Mon 8 Feb): 21, 22, 25–29 Jan,
        // 1–4 Feb, 9–12 Feb, 15–19 Feb. C: notified the same day, its 5-day statement period ends on 27 Jan.
        var entryB = await CreditApi.ActiveBlackEntryAsync(fixture, admin, D("2027-01-05"));
        fixture.SetToday(D("2027-01-20"));
        var objectionB = await CreditApi.FileObjectionAsync(admin, entryB);
        Assert.Equal("2027-02-19", objectionB.GetProperty("decideBy").GetString());
        Assert.Equal([(2027, "provisional")], CalendarYears(objectionB));
        var subjectC = await CreditApi.CreateOrganizationAsync(admin);
        var entryC = await CreditApi.ProposeAsync(admin, subjectC, "black", "general", D("2027-01-20"), D("2027-07-20"));
        var notifiedC = await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{entryC}/notify", new { reason = "Told in writing." });
        Assert.Equal("2027-01-27", notifiedC.GetProperty("statementDeadline").GetString());
        Assert.True(notifiedC.GetProperty("statementDeadlineProvisional").GetBoolean());

        // The notice for 2027 (made up for the test): New Year's Day 1–4 Jan, so A's date moves a day later; the
        // Spring Festival 5–8 Feb with Sat 30 Jan worked, so B counts to 18 Feb but keeps the 19th it was given.
        using var put = await admin.PutAsJsonAsync("/api/credit/calendar/2027", new
        {
            source = new { number = "TEST〔2026〕99号", publishedOn = D("2026-11-10") },
            holidays = new[]
            {
                new { name = "New Year's Day", from = D("2027-01-01"), to = D("2027-01-04") },
                new { name = "Spring Festival", from = D("2027-02-05"), to = D("2027-02-08") },
            },
            makeUpWorkingDays = new[] { D("2027-01-30") },
        });
        var loaded = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(put.StatusCode == HttpStatusCode.Created, loaded.ToString());
        Assert.Equal("official", loaded.GetProperty("calendar").GetProperty("status").GetString());
        Assert.Contains(loaded.GetProperty("calendar").GetProperty("missingStatutoryHolidays").EnumerateArray(),
            d => d.GetProperty("date").GetString() == "2027-05-01"); // the test notice leaves Labour Day out: the answer says so
        var recounted = loaded.GetProperty("recounted").EnumerateArray().ToDictionary(r => r.GetProperty("entryId").GetGuid());
        Assert.Equal(("objection-decision", "2027-01-26", "2027-01-27", "2027-01-27"), Recount(recounted[entryA]));
        Assert.Equal(("objection-decision", "2027-02-19", "2027-02-18", "2027-02-19"), Recount(recounted[entryB]));
        Assert.Equal(("statement", "2027-01-27", "2027-01-27", "2027-01-27"), Recount(recounted[entryC]));

        var afterA = await CreditApi.GetJsonAsync(admin, $"/api/credit/objections/{objectionA.GetProperty("id").GetGuid()}");
        Assert.Equal("2027-01-27", afterA.GetProperty("decideBy").GetString());
        Assert.False(afterA.GetProperty("provisional").GetBoolean());
        Assert.Equal([(2026, "official"), (2027, "official")], CalendarYears(afterA));
        var afterB = await CreditApi.GetJsonAsync(admin, $"/api/credit/objections/{objectionB.GetProperty("id").GetGuid()}");
        Assert.Equal("2027-02-19", afterB.GetProperty("decideBy").GetString());
        var afterC = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entryC}");
        Assert.False(afterC.GetProperty("statementDeadlineProvisional").GetBoolean());

        // Each recount is in the entry's history and announced once for partners, with both days.
        var historyB = (await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entryB}"))
            .GetProperty("history").EnumerateArray().Last();
        Assert.Equal("deadline-recounted", historyB.GetProperty("action").GetString());
        Assert.Contains("2027-02-18", historyB.GetProperty("reason").GetString());
        Assert.Contains("never shortened", historyB.GetProperty("reason").GetString());
        var historyA = (await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entryA}"))
            .GetProperty("history").EnumerateArray().Last();
        Assert.Contains("moves to 2027-01-27", historyA.GetProperty("reason").GetString());
        var eventB = JsonDocument.Parse(Assert.Single(await fixture.EventsAsync("ListingDeadlineRecounted", entryB))).RootElement;
        Assert.Equal(("2027-02-19", "2027-02-18", "2027-02-19"),
            (eventB.GetProperty("given").GetString(), eventB.GetProperty("counted").GetString(), eventB.GetProperty("due").GetString()));
        Assert.Equal(objectionB.GetProperty("id").GetGuid(), eventB.GetProperty("caseId").GetGuid());
        Assert.False(eventB.GetProperty("provisional").GetBoolean());
        Assert.Single(await fixture.EventsAsync("ListingDeadlineRecounted", entryA));

        var year = await CreditApi.GetJsonAsync(admin, "/api/credit/calendar/2027");
        Assert.Equal("TEST〔2026〕99号", year.GetProperty("source").GetProperty("number").GetString());
        Assert.Equal("国务院办公厅关于2027年部分节假日安排的通知",
            year.GetProperty("source").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Only_an_administrator_loads_a_notice_and_a_bad_one_is_refused_field_by_field()
    {
        var notice = new
        {
            source = new { number = "TEST-2035", publishedOn = D("2034-11-01") },
            holidays = new[] { new { name = "New Year's Day", from = D("2035-01-01"), to = D("2035-01-01") } }
        };
        using (var anonymous = fixture.Service.Anonymous())
        using (var response = await anonymous.PutAsJsonAsync("/api/credit/calendar/2035", notice))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using (var writer = fixture.Service.ClientFor("county-credit", null, "credit.read", "credit.write"))
        using (var response = await writer.PutAsJsonAsync("/api/credit/calendar/2035", notice))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var admin = fixture.Service.Admin();
        using var bad = await admin.PutAsJsonAsync("/api/credit/calendar/2035", new
        {
            source = new { number = "" },
            holidays = new object?[] { new { name = "Spring Festival", from = D("2035-02-16"), to = D("2035-02-12") }, null },
            makeUpWorkingDays = new DateOnly?[] { D("2035-02-05"), null },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("source.number", out _));
        Assert.True(errors.TryGetProperty("source.publishedOn", out _));
        Assert.True(errors.TryGetProperty("holidays[1].name", out _));
        Assert.True(errors.TryGetProperty("makeUpWorkingDays[1]", out _));

        using var misfit = await admin.PutAsJsonAsync("/api/credit/calendar/2035", new
        {
            source = new { number = "TEST-2035", publishedOn = D("2034-11-01") },
            holidays = new[] { new { name = "Spring Festival", from = D("2035-02-16"), to = D("2035-02-12") } },
            makeUpWorkingDays = new[] { D("2035-02-05") }, // a Monday
        });
        Assert.Equal(HttpStatusCode.BadRequest, misfit.StatusCode);
        var misfitErrors = (await misfit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(misfitErrors.TryGetProperty("holidays[0]", out _));
        Assert.Contains("Monday", misfitErrors.GetProperty("makeUpWorkingDays[0]")[0].GetString());
        Assert.Equal("provisional", (await CreditApi.GetJsonAsync(admin, "/api/credit/calendar/2035")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_official_year_is_replaced_only_with_a_reason_kept_in_the_audit_trail()
    {
        using var admin = fixture.Service.Admin();
        object Notice(string number, string? reason) => new
        {
            source = new { number, publishedOn = D("2028-11-01") },
            holidays = new[] { new { name = "New Year's Day", from = D("2029-01-01"), to = D("2029-01-01") } },
            reason,
        };
        using (var first = await admin.PutAsJsonAsync("/api/credit/calendar/2029", Notice("TEST-2029", null)))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var noReason = await admin.PutAsJsonAsync("/api/credit/calendar/2029", Notice("TEST-2029-B", null)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        using (var replaced = await admin.PutAsJsonAsync("/api/credit/calendar/2029",
            Notice("TEST-2029-B", "The notice was transcribed with a wrong number.")))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            Assert.True((await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replaced").GetBoolean());
        }
        var year = await CreditApi.GetJsonAsync(admin, "/api/credit/calendar/2029");
        Assert.Equal("TEST-2029-B", year.GetProperty("source").GetProperty("number").GetString());
        Assert.Equal("The notice was transcribed with a wrong number.", year.GetProperty("replacementReason").GetString());
        var audit = await CreditApi.GetJsonAsync(admin, "/api/credit/audit?entity=OfficialCalendarYear&entityId=2029");
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
        Assert.Contains("transcribed with a wrong number", audit.GetProperty("items")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Two_administrators_loading_the_same_year_at_once_cannot_both_make_it()
    {
        using var admin = fixture.Service.Admin();
        var notice = new
        {
            source = new { number = "TEST-2033", publishedOn = D("2032-11-01") },
            holidays = new[] { new { name = "New Year's Day", from = D("2033-01-01"), to = D("2033-01-01") } },
        };
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PutAsJsonAsync("/api/credit/calendar/2033", notice)));
        // Serialized by the calendar lock: the second finds the year official and, without a reason, may not replace it.
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task The_health_check_warns_when_the_official_calendar_runs_short()
    {
        using var anonymous = fixture.Service.Anonymous();
        fixture.SetToday(D("2031-12-01")); // 2031 has no notice
        Assert.Equal("Degraded", await (await anonymous.GetAsync("/health")).Content.ReadAsStringAsync());
        var overview = await CreditApi.GetJsonAsync(anonymous, "/api/credit/calendar");
        Assert.Equal(0, overview.GetProperty("officialDaysAhead").GetInt32());
        Assert.Equal(JsonValueKind.Null, overview.GetProperty("officialThrough").ValueKind);

        fixture.SetToday(D("2026-06-01")); // the 2026 notice reaches 31 December: 213 days ahead
        using var healthy = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        Assert.True((await CreditApi.GetJsonAsync(anonymous, "/api/credit/calendar")).GetProperty("officialDaysAhead").GetInt32() >= 213);
    }

    private static List<(int, string)> CalendarYears(JsonElement deadline) =>
        [.. deadline.GetProperty("calendarYears").EnumerateArray()
            .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("calendar").GetString()!))];

    private static (string?, string?, string?, string?) Recount(JsonElement r) => (r.GetProperty("deadline").GetString(),
        r.GetProperty("given").GetString(), r.GetProperty("counted").GetString(), r.GetProperty("due").GetString());
}
