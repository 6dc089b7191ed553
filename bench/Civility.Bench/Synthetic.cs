namespace Civility.Bench;

/// <summary>Generated identifiers the services accept, and the helpers to read what they generate.</summary>
internal static class Synthetic
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>GB 11643 citizen ID numbers, distinct for each i: a birth date and a sequence number, then the check character.</summary>
    public static string CitizenId(int i)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var birth = new DateOnly(1970, 1, 1).AddDays(i / 900);
        var first17 = $"330102{birth:yyyyMMdd}{100 + i % 900:D3}";
        return first17 + "10X98765432"[first17.Select((c, k) => (c - '0') * weights[k]).Sum() % 11];
    }

    /// <summary>Mainland mobile numbers, distinct for each i below 10⁸.</summary>
    public static string Phone(int i) => $"139{i:D8}";

    /// <summary>GB 32100 unified social credit codes, distinct for each i.</summary>
    public static string CreditCode(int i)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var first17 = $"91330102{Random.Shared.Next(100, 999)}{i:D6}";
        var sum = first17.Select((c, k) => alphabet.IndexOf(c) * weights[k]).Sum();
        return first17 + alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>A version-7 GUID carries the Unix millisecond it was made in its first 48 bits.</summary>
    public static DateTimeOffset V7Time(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        long ms = 0;
        for (var i = 0; i < 6; i++) ms = (ms << 8) | bytes[i];
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    /// <summary>
    /// The county's date (China Standard Time), which the credit service publishes by: between 16:00 and 24:00 UTC
    /// it is a day ahead of the UTC date.
    /// </summary>
    public static DateOnly CountyToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ChinaOffset).DateTime);
}
