namespace Civility.Domain.Identifiers;

/// <summary>
/// The unified social credit code of an organization (统一社会信用代码, GB 32100-2015): 18 characters from
/// 0-9 and A-Z without I, O, S, V, Z; the last is a check character over the first 17 with weights 3^i mod 31.
/// One rule for every service that takes an organization (credit subjects, civilized units).
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when valid; otherwise why not, in words an API client can show.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "The unified social credit code is required.";
        if (code.Length != 18) return "The unified social credit code has 18 characters.";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0) return $"Character {i + 1} ('{code[i]}') is not allowed in a unified social credit code.";
            sum += value * Weights[i];
        }
        var expected = Alphabet[(31 - sum % 31) % 31];
        if (Alphabet.IndexOf(code[17]) < 0) return $"Character 18 ('{code[17]}') is not allowed in a unified social credit code.";
        return code[17] == expected ? null : "The check character of the unified social credit code is wrong.";
    }

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Completes 17 characters with their check character (tests and seed data).</summary>
    public static string WithCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return first17 + Alphabet[(31 - sum % 31) % 31];
    }
}
