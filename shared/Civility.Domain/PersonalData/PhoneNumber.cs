using System.Text.RegularExpressions;

namespace Civility.Domain.PersonalData;

/// <summary>
/// A mainland phone number as Civility accepts one: a mobile (11 digits from 13x to 19x, written with or without
/// +86 and hyphens or spaces) or a landline with its area code (0579-84011201, 010 12345678, an extension after a
/// hyphen: 0579-84011201-8012).
/// </summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^(?:\+?86|0086)?(1[3-9]\d{9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[1-9]\d{1,2}-?[2-9]\d{6,7}(?:-\d{1,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();

    /// <summary>
    /// The number in one spelling (a mobile as its 11 digits; a landline as written, without spaces around the area
    /// code: its split is not always knowable), or null when it is not a valid number.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var compact = value.Trim().Replace(" ", "", StringComparison.Ordinal);
        return NormalizeMobile(compact) ?? (Landline().IsMatch(compact) ? compact : null);
    }

    /// <summary>A mobile number as its 11 digits, or null when the value is no mobile number (a landline included).</summary>
    public static string? NormalizeMobile(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Mobile().Match(value.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal))
            is { Success: true } mobile
            ? mobile.Groups[1].Value : null;

    /// <summary>Null when valid; otherwise why not, in words an API client can show.</summary>
    public static string? Validate(string? value) => Normalize(value) is null
        ? "Not a mainland phone number: a mobile (11 digits, 13x–19x) or a landline with its area code (0579-84011201)."
        : null;
}
