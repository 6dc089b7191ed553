namespace Civility.UnitTests;

/// <summary>
/// Every date rule of every service takes its day from the county clock. A date read off a UTC instant directly
/// is wrong eight hours a day, which no test at noon shows: this convention reads the sources for it.
/// </summary>
public sealed class CountyClockConventionTests
{
    [Fact]
    public void No_source_takes_a_calendar_date_from_an_instant_without_the_county_clock()
    {
        var root = ContractTests.RepositoryRoot();
        Assert.True(Directory.Exists(Path.Combine(root, "services")), $"No services folder under {root}");

        var findings = CountyDateScanner.ScanRepository(root).ToList();

        Assert.True(findings.Count == 0,
            $"{findings.Count} line(s) take a date from an instant without the county clock (Civility.Domain.Time.CountyClock):\n"
            + string.Join('\n', findings));
    }

    private static readonly string[] WrongLines =
    [
        "var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);",
        "|| birth > DateOnly.FromDateTime(DateTime.UtcNow))",
        "var today = DateTime.Today;",
        "var stamp = DateTime.Now;",
        "var stamp = DateTimeOffset.Now;",
        "var year = DateTime.UtcNow.Year;",
        "var reportYear = year ?? clock.GetUtcNow().Year;",
        "var month = clock.GetUtcNow().AddDays(1).Month;",
        "var day = now.UtcDateTime.Date;",
        "var weekday = DateTimeOffset.UtcNow.DayOfWeek;",
        "var ordinal = clock.GetUtcNow().DayOfYear;",
        "if (createdAt.Year < 2020) return;",
        "var day = now.Date;",
        "var opened = round.VotingOpensAt!.Value.Day;",
        "var number = $\"V{now:yyyy}{sequence:D6}\";",
        "<td>{{E(c.IssuedAt.ToString(\"yyyy-MM-dd\"))}}</td>",
        "var stamp = $\"{entry.PublishedAt:yyyy-MM-dd}\";",
        "var yearEnd = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();",
        "var local = DateTimeOffset.UtcNow.ToOffset(CountyOffset);",
        "var beijing = DateTime.UtcNow.AddHours(8);",
        "var yearEnd = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);",
        "var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));",
        "var local = at.ToLocalTime();",
        "var wall = instant.LocalDateTime;",
        "var zone = TimeZoneInfo.Local;",
        "var zone = TimeZoneInfo.FindSystemTimeZoneById(\"Asia/Shanghai\");",
    ];

    private static readonly string[] RightLines =
    [
        "var today = clock.CountyToday();",
        "var today = CountyClock.CountyDate(now);",
        "var reportYear = year ?? clock.CountyYear();",
        "var yearEnd = CountyClock.StartOfCountyDay(new DateOnly(year + 1, 1, 1)).ToUniversalTime();",
        "var number = $\"V{CountyClock.CountyDate(now):yyyy}{sequence:D6}\";",
        "<td>{{E(CountyClock.CountyDate(c.IssuedAt).ToString(\"yyyy-MM-dd\"))}}</td>",
        "var now = clock.GetUtcNow();",
        "entry.Notify(deadline, actor, reason, clock.GetUtcNow());",
        "var expires = token.ValidTo.UtcDateTime;",
        "Digits(date.Year, destination[..4]);",
        "if (day.Year != data.Year) throw new InvalidOperationException(\"outside the year\");",
        "query = query.Where(h => h.Year == year && h.UnitCode == unit.Code);",
        "activity.HasIndex(a => new { a.UnitCode, a.Date });",
        "KebabName.Of(activity.Category.ToString()), activity.Date,",
        "$\"No review recorded by {ReviewDeadline:yyyy-MM-dd}.\"",
        "$\"The publicity window ran until {end:u}.\"",
        "var retry = TimeSpan.FromHours(24);",
        "var created = DateTime.SpecifyKind(value, DateTimeKind.Utc);",
        "// Between 00:00 and 08:00 DateOnly.FromDateTime(DateTime.UtcNow) is yesterday's date.",
        "/// <summary>Not DateTime.Now: the county's date.</summary>",
        "var link = \"https://example.org/today\"; // not DateTime.Today",
    ];

    public static TheoryData<string> Wrong() => [.. WrongLines];

    public static TheoryData<string> Right() => [.. RightLines];

    [Theory]
    [MemberData(nameof(Wrong))]
    public void The_scanner_finds_a_date_taken_from_an_instant(string line) =>
        Assert.NotEmpty(CountyDateScanner.Scan([line]));

    [Theory]
    [MemberData(nameof(Right))]
    public void The_scanner_passes_dates_from_the_county_clock_and_dates_that_are_dates(string line) =>
        Assert.Empty(CountyDateScanner.Scan([line]));

    [Fact]
    public void Every_rule_of_the_scanner_finds_something_and_a_finding_names_its_line()
    {
        foreach (var rule in CountyDateScanner.Rules)
            Assert.True(WrongLines.Any(rule.Pattern.IsMatch), $"No sample line is found by the rule \"{rule.Why}\"");

        var findings = CountyDateScanner.Scan(["var now = clock.GetUtcNow();", "", "    var year = DateTime.UtcNow.Year;"]).ToList();
        var finding = Assert.Single(findings);
        Assert.Equal((3, "var year = DateTime.UtcNow.Year;"), (finding.Line, finding.Text));
    }
}
