using System.Globalization;

namespace Civility.CreditList.Domain.Calendar;

/// <summary>The public holidays of 全国年节及纪念日放假办法 (as amended in 2024) that the whole population has off.</summary>
public enum Festival { NewYearsDay, SpringFestival, Qingming, LabourDay, DragonBoatFestival, MidAutumnFestival, NationalDay }

/// <summary>The one place the festivals are named, for anyone who shows them.</summary>
public static class FestivalNames
{
    public static string EnglishName(this Festival festival) => festival switch
    {
        Festival.NewYearsDay => "New Year's Day",
        Festival.SpringFestival => "Spring Festival",
        Festival.Qingming => "Qingming",
        Festival.LabourDay => "Labour Day",
        Festival.DragonBoatFestival => "Dragon Boat Festival",
        Festival.MidAutumnFestival => "Mid-Autumn Festival",
        Festival.NationalDay => "National Day",
        _ => throw new ArgumentOutOfRangeException(nameof(festival), festival, null),
    };

    public static string ChineseName(this Festival festival) => festival switch
    {
        Festival.NewYearsDay => "元旦",
        Festival.SpringFestival => "春节",
        Festival.Qingming => "清明节",
        Festival.LabourDay => "劳动节",
        Festival.DragonBoatFestival => "端午节",
        Festival.MidAutumnFestival => "中秋节",
        Festival.NationalDay => "国庆节",
        _ => throw new ArgumentOutOfRangeException(nameof(festival), festival, null),
    };
}

/// <summary>One statutory day off; a festival of several days gives one of these per day.</summary>
public sealed record StatutoryHoliday(DateOnly Date, Festival Festival)
{
    public string Name => Festival.EnglishName();

    public string ChineseName => Festival.ChineseName();
}

/// <summary>
/// The statutory public holidays of any year, for a provisional calendar while the year's State Council notice
/// (放假调休) is not out: it says nothing about make-up working days or days moved next to a weekend.
/// </summary>
/// <remarks>
/// Every year gets the regulation as amended in 2024, in force from 2025: it is the rule for the years still to come.
/// Earlier years had other rules (2024 had neither Lunar New Year's Eve nor 2 May), so these are not their history.
/// </remarks>
public static class StatutoryHolidays
{
    /// <summary>
    /// .NET's Chinese calendar starts with lunar year 1901 (19 Feb 1901); 1901's Lunar New Year's Eve, the day before,
    /// is still known as that day's eve.
    /// </summary>
    public const int FirstYear = 1901;

    /// <summary>.NET's Chinese calendar ends with lunar year 2100 (28 Jan 2101), so 2101's Spring Festival is unknown.</summary>
    public const int LastYear = 2100;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The 13 statutory days of Gregorian <paramref name="year"/> in date order.</summary>
    /// <remarks>
    /// Mid-Autumn falls on 1–3 October in some years (2001, 2020, …): both festivals are then listed for that date,
    /// so such a year has 13 entries but only 12 distinct dates.
    /// </remarks>
    public static IReadOnlyList<StatutoryHoliday> Of(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Statutory holidays can be computed for {FirstYear}–{LastYear} only "
                + "(the range of the Chinese lunisolar calendar in .NET).");

        // Lunar year `year` begins between 21 Jan and 20 Feb, so its Spring Festival, Dragon Boat and Mid-Autumn all
        // fall in Gregorian `year`.
        var lunarNewYear = LunarDate(year, 1, 1);
        var holidays = new List<StatutoryHoliday>(13)
        {
            new(new DateOnly(year, 1, 1), Festival.NewYearsDay),
            new(lunarNewYear.AddDays(-1), Festival.SpringFestival), // 除夕, whether the 12th month has 29 or 30 days
            new(lunarNewYear, Festival.SpringFestival),
            new(lunarNewYear.AddDays(1), Festival.SpringFestival),
            new(lunarNewYear.AddDays(2), Festival.SpringFestival),
            new(SolarTerms.QingmingDate(year), Festival.Qingming),
            new(new DateOnly(year, 5, 1), Festival.LabourDay),
            new(new DateOnly(year, 5, 2), Festival.LabourDay),
            new(LunarDate(year, 5, 5), Festival.DragonBoatFestival),
            new(LunarDate(year, 8, 15), Festival.MidAutumnFestival),
            new(new DateOnly(year, 10, 1), Festival.NationalDay),
            new(new DateOnly(year, 10, 2), Festival.NationalDay),
            new(new DateOnly(year, 10, 3), Festival.NationalDay),
        };
        return holidays.OrderBy(h => h.Date).ThenBy(h => h.Festival).ToArray();
    }

    /// <summary>The Gregorian date of day <paramref name="day"/> of the ordinary (not leap) lunar month <paramref name="month"/>.</summary>
    private static DateOnly LunarDate(int lunarYear, int month, int day)
    {
        // GetLeapMonth is the leap month's own index (a leap 4th month is index 5), and it pushes every later
        // month one index on: the 5th month of 2020 is index 6.
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        var date = Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0); // a day of the calendar, not an instant
        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
