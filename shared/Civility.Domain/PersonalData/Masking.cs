namespace Civility.Domain.PersonalData;

/// <summary>How personal data is shown when it is shown at all.</summary>
public static class Masking
{
    /// <summary>A mobile number keeps its first 3 and last 4 digits: <c>138****5678</c>.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = phone.Trim();
        return digits.Length <= 7 ? new string('*', digits.Length) : digits[..3] + new string('*', digits.Length - 7) + digits[^4..];
    }

    /// <summary>A name keeps its first character (the family name): <c>张**</c>.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var trimmed = name.Trim();
        return trimmed[..1] + new string('*', Math.Max(1, trimmed.Length - 1));
    }
}
