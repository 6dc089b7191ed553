using System.Text.RegularExpressions;

namespace Civility.UnitTests;

/// <summary>
/// Finds source lines that take a calendar date (a day, a year, "today") from an instant without the county clock
/// (<c>Civility.Domain.Time.CountyClock</c>). Between 00:00 and 08:00 in the county the UTC date is still
/// yesterday, and the server's own zone is whatever the machine says; only the clock knows the county's zone.
/// </summary>
/// <remarks>
/// It reads text, not types, so it goes by the shapes such code takes here: a <c>DateTime</c> turned into a
/// <c>DateOnly</c>, a date part read off <c>UtcNow</c> or an instant named <c>now</c> or <c>…At</c>, such an instant
/// formatted with <c>yyyy</c>, the county's +08:00 written out, a day bounded at UTC midnight, the machine's zone.
/// A <c>DateOnly</c>'s own <c>.Year</c> is no instant and passes.
/// </remarks>
public static class CountyDateScanner
{
    public sealed record Rule(string Why, Regex Pattern);

    public sealed record Finding(int Line, string Text, string Why);

    private const string DatePart = @"\s*\.\s*(Year|Month|Day|Date|DayOfWeek|DayOfYear)\b";

    /// <summary>A UTC instant: the clock's or the system's now, or any DateTimeOffset's UTC DateTime.</summary>
    private const string UtcInstant = @"(\bUtcNow\b|\bGetUtcNow\(\)|\.UtcDateTime\b)";

    /// <summary>Method calls chained on an instant before the date is read: <c>GetUtcNow().AddDays(1).Year</c>.</summary>
    private const string Calls = @"(\s*\.\s*\w+\([^()]*\))*";

    /// <summary>How instants are named in this code: <c>now</c>, <c>createdAt</c>, <c>StartsAt</c>, <c>c.IssuedAt</c>.</summary>
    private const string InstantName = @"\b(now|\w*[a-z]At)[!?]?(\.Value)?";

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("DateOnly.FromDateTime takes the date of the instant's own zone (UTC here): use CountyClock.CountyDate",
            new(@"\bDateOnly\s*\.\s*FromDateTime\s*\(")),
        new("the machine's local time: use the TimeProvider and the county clock",
            new(@"\bDateTime(Offset)?\s*\.\s*(Now|Today)\b")),
        new("a date part of a UTC instant: use clock.CountyToday(), clock.CountyYear() or CountyClock.CountyDate",
            new(UtcInstant + Calls + DatePart)),
        new("a date part of an instant: use CountyClock.CountyDate(instant)",
            new(InstantName + DatePart)),
        new("an instant formatted as a date: format CountyClock.CountyDate(instant)",
            new(@"(\{\s*([\w.]+\.)?" + InstantName + @"\s*:[^}]*(yyyy|MM|dd)|("
                + InstantName + "|" + UtcInstant + @")\s*\.\s*ToString\(\s*""[^""]*(yyyy|MM|dd))")),
        new("the county's offset written out: the county's zone is CountyClock.TimeZone",
            new(@"\bTimeSpan\s*\.\s*FromHours\(\s*8(\.0)?\s*\)|\.\s*ToOffset\s*\(|" + UtcInstant + @"\s*\.\s*AddHours\(\s*8(\.0)?\s*\)")),
        new("a day or a year bounded at UTC midnight: the county's day begins at CountyClock.StartOfCountyDay",
            new(@"\bnew\s+DateTimeOffset\s*\(.*\bTimeSpan\s*\.\s*Zero\s*\)|"
                + @"\bDateTimeKind\s*\.\s*Utc\b.*\bToDateTime\s*\(|\bToDateTime\s*\(.*\bDateTimeKind\s*\.\s*Utc\b")),
        new("the machine's time zone: the county's zone is CountyClock.TimeZone",
            new(@"\.\s*ToLocalTime\s*\(|\.\s*LocalDateTime\b|\bTimeZoneInfo\s*\.\s*Local\b|\bFindSystemTimeZoneById\s*\(")),
    ];

    /// <summary>The folders the services, the shared libraries, the gateway and the tools are in.</summary>
    public static readonly string[] ScannedFolders = ["services", "shared", "gateway", "tools", "web"];

    /// <summary>The clock itself, where instants become county dates.</summary>
    public const string ExemptFolder = "shared/Civility.Domain/Time/";

    private static readonly string[] SkippedFolders = ["bin", "obj", "Migrations"];

    /// <summary>Every finding in the repository's sources, as <c>path:line: why: text</c>.</summary>
    public static IEnumerable<string> ScanRepository(string root) =>
        from folder in ScannedFolders
        let directory = Path.Combine(root, folder)
        where Directory.Exists(directory)
        from file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
        let path = Path.GetRelativePath(root, file).Replace('\\', '/')
        where !path.StartsWith(ExemptFolder, StringComparison.Ordinal)
            && !path.Split('/').Any(segment => SkippedFolders.Contains(segment))
        orderby path
        from finding in Scan(File.ReadAllLines(file))
        select $"{path}:{finding.Line}: {finding.Why}: {finding.Text}";

    public static IEnumerable<Finding> Scan(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var code = WithoutComment(lines[i]);
            var broken = Rules.Where(rule => rule.Pattern.IsMatch(code)).Select(rule => rule.Why).ToList();
            if (broken.Count > 0) yield return new Finding(i + 1, lines[i].Trim(), string.Join("; ", broken));
        }
    }

    /// <summary>The line without a comment, so that prose about <c>DateTime.Now</c> is not taken for code.</summary>
    public static string WithoutComment(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal)
            || trimmed.StartsWith('*'))
            return "";
        var inString = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) inString = !inString;
            else if (!inString && line[i] == '/' && line[i + 1] == '/') return line[..i];
        }
        return line;
    }
}
