namespace Civility.ServiceDefaults.Http;

/// <summary>
/// The one rule for text that reaches a service, wherever it comes from (a JSON field, a query or route value, a CSV
/// cell): no C0 control character except tab, line feed and carriage return, no DEL, and no lone UTF-16 surrogate.
/// PostgreSQL cannot store U+0000 at all; the others have no place in the programme's records and only hide text.
/// </summary>
public static class HostileInput
{
    public const string ControlCharacterMessage = "Control characters (such as U+0000) are not allowed here.";

    public const string SurrogateMessage = "The text is not valid Unicode (a lone surrogate).";

    /// <summary>Why the text is refused, or null when it may be kept.</summary>
    public static string? Problem(ReadOnlySpan<char> text, bool allowLineBreaks = true)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' || c == '\u007f')
            {
                if (allowLineBreaks && c is '\t' or '\n' or '\r') continue;
                return ControlCharacterMessage;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return SurrogateMessage;
            }
            if (char.IsLowSurrogate(c)) return SurrogateMessage;
        }
        return null;
    }
}
