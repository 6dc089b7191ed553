using Civility.Domain.Time;

namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// Solar terms (节气) as the Chinese calendar reckons them: the moment the Sun's apparent geocentric ecliptic longitude
/// reaches a multiple of 15°, dated in China Standard Time (UTC+8).
/// </summary>
/// <remarks>
/// Why the dates can be trusted: against PyEphem 4.1 (its own VSOP87 truncation, nutation and ΔT), every Qingming
/// 1900–2150 agrees within 13 s in TT and 21 s in UT, and no date differs; the nearest to midnight in 1901–2100 is
/// 10 minutes from it (2071). Past the 2020s ΔT is extrapolated (a minute or two uncertain by 2100), so a term within
/// minutes of midnight in a far year would be a genuine toss-up, as it is for any almanac printed today.
/// </remarks>
public static class SolarTerms
{
    /// <summary>The years ΔT is modelled for (earlier, the Chinese calendar was not reckoned in UTC+8 anyway).</summary>
    public const int FirstYear = 1900;

    /// <summary>Past this, ΔT is a guess too coarse to date a term.</summary>
    public const int LastYear = 2150;

    private const double QingmingLongitude = 15;
    private const double J2000 = 2451545.0;
    private const double MeanDegreesPerDay = 360 / 365.2422;
    private static readonly DateTime J2000Utc = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>清明: the county's date (China Standard Time) on which the Sun reaches 15° — the Qingming holiday.</summary>
    public static DateOnly QingmingDate(int year) => CountyClock.CountyDate(new DateTimeOffset(QingmingUtc(year)));

    /// <summary>The moment (UTC, to the second or so of the model) the Sun reaches 15° in <paramref name="year"/>.</summary>
    public static DateTime QingmingUtc(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Solar terms are computed for {FirstYear}–{LastYear} only.");
        // 5 April is within two days of the term in every year of the range; each step then gains a factor of ~30,
        // since the Sun's true speed differs from the mean by ~3 %.
        var jde = JulianDay(new DateTime(year, 4, 5, 0, 0, 0, DateTimeKind.Utc));
        for (var step = 0; step < 20; step++)
        {
            var behind = QingmingLongitude - SunPosition.ApparentLongitude(jde);
            behind -= 360 * Math.Round(behind / 360);
            var days = behind / MeanDegreesPerDay;
            jde += days;
            if (Math.Abs(days) < 1e-7) break; // 0.01 s
        }
        var terrestrialTime = J2000Utc.AddDays(jde - J2000);
        return terrestrialTime.AddSeconds(-DeltaT.Seconds(year + (terrestrialTime.DayOfYear - 0.5) / 365.25));
    }

    private static double JulianDay(DateTime moment) => J2000 + (moment - J2000Utc).TotalDays;
}
