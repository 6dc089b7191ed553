using Civility.Domain;

namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// The Chinese official working-day calendar: weekends off, holidays off, make-up working days (调休) on. A year
/// whose notice is loaded is official; any other year is provisional — weekends and the statutory holidays only
/// (<see cref="StatutoryHolidays"/>) — so that a deadline running into a year whose notice is not out yet is still
/// counted, and said to be provisional, instead of failing every January.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The first year of the regulation as amended in 2024; earlier years had other statutory days.</summary>
    public const int FirstProvisionalYear = 2025;

    /// <summary>The last year whose statutory days can be computed (the end of .NET's Chinese lunisolar calendar).</summary>
    public const int LastProvisionalYear = StatutoryHolidays.LastYear;

    private readonly Dictionary<int, OfficialCalendarYear> _official;
    private readonly Dictionary<int, Dictionary<DateOnly, CalendarDay>> _days = [];

    public WorkingDayCalendar(IEnumerable<OfficialCalendarYear> officialYears) =>
        _official = officialYears.ToDictionary(y => y.Year);

    public IReadOnlyCollection<int> OfficialYears => _official.Keys;

    public OfficialCalendarYear? Official(int year) => _official.GetValueOrDefault(year);

    public CalendarStatus StatusOf(int year) => _official.ContainsKey(year) ? CalendarStatus.Official : CalendarStatus.Provisional;

    /// <summary>The year's holidays and make-up working days: the notice's, or the statutory holidays if provisional.</summary>
    public IReadOnlyList<CalendarDay> DaysOf(int year) => [.. DayMap(year).Values.OrderBy(d => d.Date)];

    public bool IsWorkingDay(DateOnly day) => DayMap(day.Year).TryGetValue(day, out var special)
        ? special.Kind == CalendarDayKind.MakeUpWorkingDay
        : !IsWeekend(day);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day not counted),
    /// with the years the count went through and which of them were provisional.
    /// </summary>
    public DeadlineCount Count(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var years = new SortedSet<int>();
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            years.Add(day.Year);
            if (IsWorkingDay(day)) counted++;
        }
        return new DeadlineCount(start, workingDays, day, [.. years], [.. years.Where(y => StatusOf(y) == CalendarStatus.Provisional)]);
    }

    /// <summary>
    /// The last day of the unbroken run of official years that starts with <paramref name="today"/>'s year, or null
    /// when today's year itself is provisional: how far ahead deadlines are counted on notices rather than on law.
    /// </summary>
    public DateOnly? OfficialThrough(DateOnly today)
    {
        if (!_official.ContainsKey(today.Year)) return null;
        var year = today.Year;
        while (_official.ContainsKey(year + 1)) year++;
        return new DateOnly(year, 12, 31);
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private Dictionary<DateOnly, CalendarDay> DayMap(int year)
    {
        if (_days.TryGetValue(year, out var map)) return map;
        IEnumerable<CalendarDay> days;
        if (_official.TryGetValue(year, out var official)) days = official.Days;
        else if (year is < FirstProvisionalYear or > LastProvisionalYear)
            throw DomainRuleException.Rule($"No working-day calendar can be made for {year}.",
                $"Provisional years are computed for {FirstProvisionalYear}–{LastProvisionalYear}; "
                + $"load the notice of {year} to count in it.",
                new Dictionary<string, object?> { ["year"] = year });
        else
            // Mid-Autumn may fall on a day of National Day: one day off, named after both.
            days = StatutoryHolidays.Of(year).GroupBy(h => h.Date)
                .Select(g => new CalendarDay(g.Key, CalendarDayKind.Holiday, string.Join(", ", g.Select(h => h.Name).Distinct())));
        return _days[year] = days.ToDictionary(d => d.Date);
    }
}
