namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// Nutation in longitude (IAU 1980 theory, Meeus ch. 22). The four-term short form is off by up to 0.5″ (12 s of the
/// Sun's motion); the terms kept here leave less than 0.02″.
/// </summary>
internal static class Nutation
{
    /// <summary>Δψ in arcseconds; <paramref name="t"/> is Julian centuries of TT from J2000.</summary>
    public static double InLongitude(double t)
    {
        // Fundamental arguments in degrees: the Moon's mean elongation, the Sun's and the Moon's mean anomalies, the
        // Moon's argument of latitude, and the longitude of its ascending node.
        var d = Radians(297.85036 + 445267.111480 * t);
        var m = Radians(357.52772 + 35999.050340 * t);
        var mMoon = Radians(134.96298 + 477198.867398 * t);
        var f = Radians(93.27191 + 483202.017538 * t);
        var node = Radians(125.04452 - 1934.136261 * t);

        double sum = 0;
        foreach (var (cd, cm, cmm, cf, cn, a, b) in Terms)
            sum += (a + b * t) * Math.Sin(cd * d + cm * m + cmm * mMoon + cf * f + cn * node);
        return sum * 1e-4;
    }

    private static double Radians(double degrees) => degrees % 360 * Math.PI / 180;

    // Multiples of D, M, M', F, Ω and the coefficient of the sine in 0.0001″ (constant, per century).
    private static readonly (int D, int M, int MMoon, int F, int Node, double A, double B)[] Terms =
    [
        (0, 0, 0, 0, 1, -171996, -174.2),
        (-2, 0, 0, 2, 2, -13187, -1.6),
        (0, 0, 0, 2, 2, -2274, -0.2),
        (0, 0, 0, 0, 2, 2062, 0.2),
        (0, 1, 0, 0, 0, 1426, -3.4),
        (0, 0, 1, 0, 0, 712, 0.1),
        (-2, 1, 0, 2, 2, -517, 1.2),
        (0, 0, 0, 2, 1, -386, -0.4),
        (0, 0, 1, 2, 2, -301, 0),
        (-2, -1, 0, 2, 2, 217, -0.5),
        (-2, 0, 1, 0, 0, -158, 0),
        (-2, 0, 0, 2, 1, 129, 0.1),
        (0, 0, -1, 2, 2, 123, 0),
        (2, 0, 0, 0, 0, 63, 0),
        (0, 0, 1, 0, 1, 63, 0.1),
        (2, 0, -1, 2, 2, -59, 0),
        (0, 0, -1, 0, 1, -58, -0.1),
        (0, 0, 1, 2, 1, -51, 0),
    ];
}
