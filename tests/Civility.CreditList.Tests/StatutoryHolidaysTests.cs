using Civility.CreditList.Domain.Calendar;

namespace Civility.CreditList.Tests;

/// <summary>The statutory days computed for a year without a State Council notice, checked on dates known otherwise.</summary>
public sealed class StatutoryHolidaysTests
{
    [Theory]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2020, "2020-01-25")]
    public void Spring_festival_is_the_eve_and_the_first_three_days_of_the_lunar_year(int year, string newYear)
    {
        var first = DateOnly.Parse(newYear);
        Assert.Equal([first.AddDays(-1), first, first.AddDays(1), first.AddDays(2)], DaysOf(year, Festival.SpringFestival));
    }

    [Fact]
    public void Spring_festival_2027_and_2028_spelled_out()
    {
        Assert.Equal([D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08")], DaysOf(2027, Festival.SpringFestival));
        Assert.Equal(D("2028-01-25"), DaysOf(2028, Festival.SpringFestival)[0]);
    }

    [Theory]
    [InlineData(2024, "2024-06-10", "2024-09-17")]
    [InlineData(2025, "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-06-19", "2026-09-25")]
    [InlineData(2023, "2023-06-22", "2023-09-29")] // leap 2nd month: both festivals one index on
    [InlineData(2020, "2020-06-25", "2020-10-01")] // leap 4th month, right before the 5th
    [InlineData(2017, "2017-05-30", "2017-10-04")] // leap 6th month: only Mid-Autumn moves an index
    public void Dragon_boat_and_mid_autumn_follow_the_lunar_months_past_a_leap_month(int year, string dragonBoat, string midAutumn)
    {
        Assert.Equal([D(dragonBoat)], DaysOf(year, Festival.DragonBoatFestival));
        Assert.Equal([D(midAutumn)], DaysOf(year, Festival.MidAutumnFestival));
    }

    // Each one agrees with PyEphem; 1943, 1976, 2009, 2042, 2071 and 2075 fall within half an hour of midnight (UTC+8),
    // where an approximate solar position would pick the wrong day.
    [Theory]
    [InlineData(1943, "1943-04-06")]
    [InlineData(1950, "1950-04-05")]
    [InlineData(1976, "1976-04-04")]
    [InlineData(2000, "2000-04-04")]
    [InlineData(2009, "2009-04-04")]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2042, "2042-04-04")]
    [InlineData(2071, "2071-04-05")]
    [InlineData(2075, "2075-04-04")]
    [InlineData(2080, "2080-04-04")]
    [InlineData(2100, "2100-04-05")]
    public void Qingming_is_the_day_the_sun_reaches_15_degrees_in_china_standard_time(int year, string expected)
    {
        Assert.Equal(D(expected), SolarTerms.QingmingDate(year));
        Assert.Equal([D(expected)], DaysOf(year, Festival.Qingming));
    }

    // PyEphem's moments, to the minute: 2024 and 2025 are also the ones the almanacs printed (15:02 and 20:48 UTC+8).
    [Theory]
    [InlineData(1976, "1976-04-04T15:46:28Z")]
    [InlineData(2024, "2024-04-04T07:02:13Z")]
    [InlineData(2025, "2025-04-04T12:48:29Z")]
    [InlineData(2071, "2071-04-04T16:09:54Z")]
    public void The_qingming_moment_is_within_a_minute(int year, string ephemUtc)
    {
        var expected = DateTime.Parse(ephemUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange((SolarTerms.QingmingUtc(year) - expected).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    // The notices' holidays; the last column is the statutory days of the amended regulation that a year still lacked:
    // the 2024 amendment (Lunar New Year's Eve and 2 May) took effect in 2025, and 2024's notice left the eve a working day.
    public static TheoryData<int, string, string> OfficialHolidays => new()
    {
        { 2024, "01-01; 02-10..02-17; 04-04..04-06; 05-01..05-05; 06-10; 09-15..09-17; 10-01..10-07", "02-09" },
        { 2025, "01-01; 01-28..02-04; 04-04..04-06; 05-01..05-05; 05-31..06-02; 10-01..10-08", "" },
        { 2026, "01-01..01-03; 02-15..02-23; 04-04..04-06; 05-01..05-05; 06-19..06-21; 09-25..09-27; 10-01..10-07", "" },
    };

    /// <summary>The State Council's notices of the shipped years put every statutory day inside a holiday.</summary>
    [Theory]
    [MemberData(nameof(OfficialHolidays))]
    public void Every_statutory_day_of_an_official_year_is_an_official_holiday(int year, string ranges, string notYetInForce)
    {
        var official = new HashSet<DateOnly>();
        foreach (var range in ranges.Split("; "))
        {
            var ends = range.Split("..");
            var (from, to) = (D($"{year}-{ends[0]}"), D($"{year}-{ends[^1]}"));
            for (var day = from; day <= to; day = day.AddDays(1)) official.Add(day);
        }
        var lacking = notYetInForce.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(md => D($"{year}-{md}")).ToArray();
        var days = StatutoryHolidays.Of(year).Select(h => h.Date).ToArray();
        Assert.All(days.Except(lacking), day => Assert.Contains(day, official));
        Assert.All(lacking, day => Assert.Contains(day, days));
        Assert.All(lacking, day => Assert.DoesNotContain(day, official));
    }

    [Fact]
    public void Every_year_in_range_has_13_statutory_days_in_order_and_in_that_year()
    {
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            var days = StatutoryHolidays.Of(year);
            Assert.Equal(13, days.Count);
            Assert.All(days, d => Assert.Equal(year, d.Date.Year));
            Assert.Equal(days.OrderBy(d => d.Date), days);
            Assert.Equal(13, days.Distinct().Count());
            // Mid-Autumn on 1–3 October (2020, 2028, …) shares its date with National Day; no other two coincide.
            var midAutumn = days.Single(d => d.Festival == Festival.MidAutumnFestival).Date;
            var sharesNationalDay = midAutumn.Month == 10 && midAutumn.Day <= 3;
            Assert.Equal(sharesNationalDay ? 12 : 13, days.Select(d => d.Date).Distinct().Count());
        }
    }

    [Fact]
    public void Mid_autumn_on_national_day_is_listed_under_both()
    {
        var october1 = StatutoryHolidays.Of(2020).Where(d => d.Date == D("2020-10-01")).Select(d => d.Festival);
        Assert.Equal([Festival.MidAutumnFestival, Festival.NationalDay], october1);
        Assert.Equal(D("2028-10-03"), DaysOf(2028, Festival.MidAutumnFestival).Single());
    }

    [Fact]
    public void The_fixed_days_are_the_regulation_s()
    {
        var days = StatutoryHolidays.Of(2027);
        Assert.Equal([D("2027-01-01")], DaysOf(2027, Festival.NewYearsDay));
        Assert.Equal([D("2027-05-01"), D("2027-05-02")], DaysOf(2027, Festival.LabourDay));
        Assert.Equal([D("2027-10-01"), D("2027-10-02"), D("2027-10-03")], DaysOf(2027, Festival.NationalDay));
        Assert.Equal("Spring Festival", days.First(d => d.Festival == Festival.SpringFestival).Name);
    }

    [Theory]
    [InlineData(StatutoryHolidays.FirstYear - 1)]
    [InlineData(StatutoryHolidays.LastYear + 1)]
    public void A_year_outside_the_range_is_refused(int year)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Of(year));
        Assert.Contains($"{StatutoryHolidays.FirstYear}–{StatutoryHolidays.LastYear}", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SolarTerms.QingmingDate(SolarTerms.FirstYear - 1));
    }

    [Theory]
    [InlineData(Festival.NewYearsDay, "New Year's Day", "元旦")]
    [InlineData(Festival.SpringFestival, "Spring Festival", "春节")]
    [InlineData(Festival.Qingming, "Qingming", "清明节")]
    [InlineData(Festival.LabourDay, "Labour Day", "劳动节")]
    [InlineData(Festival.DragonBoatFestival, "Dragon Boat Festival", "端午节")]
    [InlineData(Festival.MidAutumnFestival, "Mid-Autumn Festival", "中秋节")]
    [InlineData(Festival.NationalDay, "National Day", "国庆节")]
    public void Each_festival_has_its_english_and_chinese_name(Festival festival, string english, string chinese)
    {
        var holiday = new StatutoryHoliday(D("2025-01-01"), festival);
        Assert.Equal((english, chinese), (holiday.Name, holiday.ChineseName));
        Assert.Equal((english, chinese), (festival.EnglishName(), festival.ChineseName()));
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly[] DaysOf(int year, Festival festival) =>
        StatutoryHolidays.Of(year).Where(d => d.Festival == festival).Select(d => d.Date).ToArray();
}
