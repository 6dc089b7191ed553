namespace Civility.Testing;

/// <summary>Synthetic identifiers that pass the national check rules; fresh for each call, never a real person's.</summary>
public static class TestIdentities
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A GB 11643 citizen ID number: a Zhejiang region code, a birth date 1960–1999, a valid check character.</summary>
    public static string CitizenId()
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 40 * 365));
        var first17 = $"330102{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return first17 + CheckCharacter(first17);
    }

    public static char CheckCharacter(string first17) =>
        "10X98765432"[first17.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11];

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');
}
