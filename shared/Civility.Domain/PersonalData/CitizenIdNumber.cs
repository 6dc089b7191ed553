using System.Globalization;
using Civility.Domain.Time;

namespace Civility.Domain.PersonalData;

/// <summary>
/// The citizen identity number of GB 11643-1999 (公民身份号码): 6-digit region code, 8-digit birth date, 3-digit
/// sequence, and a check character by ISO 7064 MOD 11-2 (0–9 or X).
/// </summary>
public static class CitizenIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Province-level prefixes of GB/T 2260 region codes (the first two digits).</summary>
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ];

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>Null when valid; otherwise why not, in words an API client can show.</summary>
    /// <remarks>
    /// A birth date after the county's today is refused. The static check reads the system clock, not a service's
    /// (possibly moved) one: no birth date in a test or a demo is near enough to today for the difference to matter.
    /// </remarks>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "The citizen ID number is required.";
        var id = Normalize(value);
        if (id.Length != 18) return "A citizen ID number has 18 characters.";
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return "The first 17 characters of a citizen ID number are digits.";
        }
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return "The last character of a citizen ID number is a digit or X.";
        if (!Provinces.Contains(int.Parse(id.AsSpan(0, 2), CultureInfo.InvariantCulture)) || id.AsSpan(2, 4).SequenceEqual("0000"))
            return "The region code of the citizen ID number does not exist.";
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > TimeProvider.System.CountyToday())
            return "The birth date in the citizen ID number is not a valid date.";
        return id[17] == CheckCharacter(id.AsSpan(0, 17)) ? null : "The check character of the citizen ID number is wrong.";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>First 4 and last 4 shown, the rest starred: <c>3301**********123X</c>.</summary>
    public static string Mask(string value)
    {
        var id = Normalize(value);
        return id.Length < 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];
    }

    public static DateOnly BirthDate(string value) =>
        DateOnly.ParseExact(Normalize(value).AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
}
