namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// ΔT = TT − UT in seconds: the ephemeris runs on Terrestrial Time, the calendar on the Earth's rotation.
/// Up to 2005 the polynomials of Espenak and Meeus (fitted to the observed values); 2005–2025 the observed values
/// themselves, because that polynomial overshoots the 2020s by about 5 s; later a guess nobody can do better than by
/// much: the long-term parabola of Morrison and Stephenson, bent to join the last observed value (as Espenak and Meeus
/// join theirs). By 2100 that guess may be a minute or two off.
/// </summary>
internal static class DeltaT
{
    private const int LastObservedYear = 2025;
    private static readonly double[] Observed = [64.69, 66.07, 67.64, 69.36, 69.1]; // 2005, 2010, …, 2025

    public static double Seconds(double year)
    {
        if (year < 1900) throw new ArgumentOutOfRangeException(nameof(year), year, "ΔT is modelled from 1900 on.");
        if (year < 1920)
        {
            var t = year - 1900;
            return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 + t * -0.000197)));
        }
        if (year < 1941)
        {
            var t = year - 1920;
            return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
        }
        if (year < 1961)
        {
            var t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        }
        if (year < 1986)
        {
            var t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        if (year < 2005)
        {
            var t = year - 2000;
            return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
        }
        if (year < LastObservedYear)
        {
            var position = (year - 2005) / 5;
            var i = (int)position;
            return Observed[i] + (Observed[i + 1] - Observed[i]) * (position - i);
        }
        var bend = (LongTerm(LastObservedYear) - Observed[^1]) / (2150 - LastObservedYear);
        return year < 2150 ? LongTerm(year) - bend * (2150 - year) : LongTerm(year);
    }

    private static double LongTerm(double year)
    {
        var u = (year - 1820) / 100;
        return -20 + 32 * u * u;
    }
}
