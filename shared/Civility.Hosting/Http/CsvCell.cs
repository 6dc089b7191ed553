using System.Globalization;

namespace Civility.Hosting.Http;

/// <summary>
/// A value as one cell of a CSV file the services hand out: quoted when it must be, and text that a spreadsheet
/// would run as a formula (a leading <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) kept as text
/// by a leading apostrophe, as OWASP advises for CSV injection.
/// </summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedQuotes = [',', '"', '\n', '\r'];

    public static string Of(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => Neutral(s),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutral(value.ToString() ?? ""),
        };
        return text.IndexOfAny(NeedQuotes) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    /// <summary>Text always in quotes (a column of names reads alike whether or not a name holds a comma).</summary>
    public static string Quoted(string? text) => $"\"{Neutral(text ?? "").Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Neutral(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
