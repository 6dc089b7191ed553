namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// The Sun's apparent geocentric ecliptic longitude, from the Earth's heliocentric longitude in VSOP87 (the truncated
/// series of Meeus, Astronomical Algorithms, 2nd ed., appendix III, with ch. 32 and ch. 25's "higher accuracy"
/// reduction). The truncation leaves errors of about one arcsecond, which is 25 seconds of the Sun's motion: the
/// low-accuracy formula of ch. 25 (0.01°, a quarter of an hour) would misdate a solar term that falls near midnight.
/// </summary>
internal static class SunPosition
{
    private const double J2000 = 2451545.0;
    private const double ArcsecondsPerRadian = 180 * 3600 / Math.PI;

    /// <summary>Degrees in [0, 360) at <paramref name="jde"/>, a Julian day in Terrestrial Time.</summary>
    public static double ApparentLongitude(double jde)
    {
        var tau = (jde - J2000) / 365250; // Julian millennia, the time argument of VSOP87
        var earth = Series(tau, L0, L1, L2, L3, L4, L5);
        var sunGeometric = earth * ArcsecondsPerRadian + 180 * 3600;
        // VSOP87's dynamical ecliptic and equinox differ from the FK5 frame the official terms are reckoned in by this much.
        const double toFk5 = -0.09033;
        var aberration = -20.4898 / EarthSunDistance(tau);
        var arcseconds = sunGeometric + toFk5 + Nutation.InLongitude(tau * 10) + aberration;
        var degrees = arcseconds / 3600 % 360;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /// <summary>In astronomical units; only the aberration needs it, so a few terms keep it to 3e-5 (0.001″ there).</summary>
    private static double EarthSunDistance(double tau) =>
        (100013989 + 1670700 * Math.Cos(3.0984635 + 6283.0758500 * tau) + 13956 * Math.Cos(3.05525 + 12566.15170 * tau)
            + tau * 103019 * Math.Cos(1.107490 + 6283.075850 * tau)) * 1e-8;

    /// <summary>Σ τⁿ Σ A cos(B + Cτ), in radians (the tables are in units of 1e-8 rad).</summary>
    private static double Series(double tau, params double[][] powers)
    {
        double sum = 0, tauPower = 1;
        foreach (var terms in powers)
        {
            double part = 0;
            for (var i = 0; i < terms.Length; i += 3) part += terms[i] * Math.Cos(terms[i + 1] + terms[i + 2] * tau);
            sum += part * tauPower;
            tauPower *= tau;
        }
        return sum * 1e-8;
    }

    // Triples A, B, C of the Earth's heliocentric longitude L (VSOP87, ecliptic and equinox of date).
    private static readonly double[] L0 =
    [
        175347046, 0, 0, 3341656, 4.6692568, 6283.0758500, 34894, 4.62610, 12566.15170, 3497, 2.7441, 5753.3849,
        3418, 2.8289, 3.5231, 3136, 3.6277, 77713.7715, 2676, 4.4181, 7860.4194, 2343, 6.1352, 3930.2097,
        1324, 0.7425, 11506.7698, 1273, 2.0371, 529.6910, 1199, 1.1096, 1577.3435, 990, 5.233, 5884.927,
        902, 2.045, 26.298, 857, 3.508, 398.149, 780, 1.179, 5223.694, 753, 2.533, 5507.553,
        505, 4.583, 18849.228, 492, 4.205, 775.523, 357, 2.920, 0.067, 317, 5.849, 11790.629,
        284, 1.899, 796.298, 271, 0.315, 10977.079, 243, 0.345, 5486.778, 206, 4.806, 2544.314,
        205, 1.869, 5573.143, 202, 2.458, 6069.777, 156, 0.833, 213.299, 132, 3.411, 2942.463,
        126, 1.083, 20.775, 115, 0.645, 0.980, 103, 0.636, 4694.003, 102, 0.976, 15720.839,
        102, 4.267, 7.114, 99, 6.21, 2146.17, 98, 0.68, 155.42, 86, 5.98, 161000.69,
        85, 1.30, 6275.96, 85, 3.67, 71430.70, 80, 1.81, 17260.15, 79, 3.04, 12036.46,
        75, 1.76, 5088.63, 74, 3.50, 3154.69, 74, 4.68, 801.82, 70, 0.83, 9437.76,
        62, 3.98, 8827.39, 61, 1.82, 7084.90, 57, 2.78, 6286.60, 56, 4.39, 14143.50,
        56, 3.47, 6279.55, 52, 0.19, 12139.55, 52, 1.33, 1748.02, 51, 0.28, 5856.48,
        49, 0.49, 1194.45, 41, 5.37, 8429.24, 41, 2.40, 19651.05, 39, 6.17, 10447.39,
        37, 6.04, 10213.29, 37, 2.57, 1059.38, 36, 1.71, 2352.87, 36, 1.78, 6812.77,
        33, 0.59, 17789.85, 30, 0.44, 83996.85, 30, 2.74, 1349.87, 25, 3.16, 4690.48,
    ];

    private static readonly double[] L1 =
    [
        628331966747, 0, 0, 206059, 2.678235, 6283.07585, 4303, 2.6351, 12566.1517, 425, 1.590, 3.523,
        119, 5.796, 26.298, 109, 2.966, 1577.344, 93, 2.59, 18849.23, 72, 1.14, 529.69,
        68, 1.87, 398.15, 67, 4.41, 5507.55, 59, 2.89, 5223.69, 56, 2.17, 155.42,
        45, 0.40, 796.30, 36, 0.47, 775.52, 29, 2.65, 7.11, 21, 5.34, 0.98,
        19, 1.85, 5486.78, 19, 4.97, 213.30, 17, 2.99, 6275.96, 16, 0.03, 2544.31,
        16, 1.43, 2146.17, 15, 1.21, 10977.08, 12, 2.83, 1748.02, 12, 3.26, 5088.63,
        12, 5.27, 1194.45, 12, 2.08, 4694.00, 11, 0.77, 553.57, 10, 1.30, 6286.60,
        10, 4.24, 1349.87, 9, 2.70, 242.73, 9, 5.64, 951.72, 8, 5.30, 2352.87,
        6, 2.65, 9437.76, 6, 4.67, 4690.48,
    ];

    private static readonly double[] L2 =
    [
        52919, 0, 0, 8720, 1.0721, 6283.0758, 309, 0.867, 12566.152, 27, 0.05, 3.52,
        16, 5.19, 26.30, 16, 3.68, 155.42, 10, 0.76, 18849.23, 9, 2.06, 77713.77,
        7, 0.83, 775.52, 5, 4.66, 1577.34, 4, 1.03, 7.11, 4, 3.44, 5573.14,
        3, 5.14, 796.30, 3, 6.05, 5507.55, 3, 1.19, 242.73, 3, 6.12, 529.69,
        3, 0.31, 398.15, 3, 2.28, 553.57, 2, 4.38, 5223.69, 2, 3.75, 0.98,
    ];

    private static readonly double[] L3 =
    [
        289, 5.844, 6283.076, 35, 0, 0, 17, 5.49, 12566.15, 3, 5.20, 155.42,
        1, 4.72, 3.52, 1, 5.30, 18849.23, 1, 5.97, 242.73,
    ];

    private static readonly double[] L4 = [114, 3.142, 0, 8, 4.13, 6283.08, 1, 3.84, 12566.15];

    private static readonly double[] L5 = [1, 3.14, 0];
}
