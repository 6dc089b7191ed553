using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.CreditList.Calendar;
using Civility.Hosting.Http;

namespace Civility.CreditList.Tests;

/// <summary>The working-day calendar as shipped (the data files copied to the output), on known days.</summary>
public sealed class CalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadFrom(Path.Combine(AppContext.BaseDirectory, "Calendar"));

    [Theory]
    [InlineData("2024-09-29", true)] // a Sunday, made up for National Day
    [InlineData("2024-10-12", true)] // a Saturday, made up
    [InlineData("2024-10-01", false)]
    [InlineData("2024-10-04", false)] // a Friday inside the holiday
    [InlineData("2024-10-07", false)]
    [InlineData("2024-10-08", true)]
    [InlineData("2024-09-28", false)] // an ordinary Saturday
    [InlineData("2024-02-18", true)] // a Sunday, made up for the Spring Festival
    [InlineData("2025-01-28", false)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-10-08", false)]
    [InlineData("2026-02-23", false)] // a Monday inside the 2026 Spring Festival
    [InlineData("2026-02-28", true)] // a Saturday, made up
    [InlineData("2026-01-05", true)]
    public void Knows_holidays_and_make_up_working_days(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void Every_year_from_2024_to_2026_is_loaded() => Assert.Equal([2024, 2025, 2026], Calendar.Years.Order());

    [Fact]
    public void A_deadline_counts_the_make_up_Sunday_and_skips_the_national_day_week()
    {
        // Friday 27 Sep 2024 + 3 working days: Sun 29 (made up), Mon 30, then 1–7 Oct off, Tue 8 Oct.
        Assert.Equal(new DateOnly(2024, 10, 8), Calendar.AddWorkingDays(new DateOnly(2024, 9, 27), 3));
        // An ordinary week: Monday + 5 working days is the next Monday.
        Assert.Equal(new DateOnly(2024, 11, 11), Calendar.AddWorkingDays(new DateOnly(2024, 11, 4), 5));
    }

    [Fact]
    public void A_date_outside_the_loaded_years_is_an_explicit_error()
    {
        var error = Assert.Throws<DomainRuleException>(() => Calendar.IsWorkingDay(new DateOnly(2027, 3, 1)));
        Assert.Equal(RuleKind.Unprocessable, error.Kind);
        Assert.Contains("2027", error.Title);
        Assert.Throws<DomainRuleException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 10));
    }
}

[Collection(CreditListCollection.Name)]
public sealed class CalendarThroughTheApiTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task A_deadline_beyond_the_loaded_years_answers_422_not_a_guess()
    {
        using var admin = fixture.Service.Admin();
        // Monday 28 Dec 2026: the 4th working day after it is in 2027, for which there is no notice yet.
        fixture.SetToday(new DateOnly(2026, 12, 28));
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "general", new DateOnly(2026, 12, 28), new DateOnly(2027, 6, 28));
        using var response = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/notify", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("2027", problem.GetProperty("title").GetString());
        var unchanged = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}");
        Assert.Equal("proposed", unchanged.GetProperty("status").GetString());
    }
}
