using Civility.Domain;

namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// A year whose notice has been loaded: its holidays and make-up working days exactly as the notice gives them. A
/// year is loaded once and replaced only with a reason (a correction of the notice, a transcription error).
/// </summary>
public sealed class OfficialCalendarYear
{
    private List<CalendarDay> _days = [];

    private OfficialCalendarYear() { }

    public static OfficialCalendarYear Load(int year, HolidayNotice notice, IReadOnlyList<HolidayRange> holidays,
        IReadOnlyList<DateOnly> makeUpWorkingDays, string actor, DateTimeOffset now)
    {
        var loaded = new OfficialCalendarYear { Year = year };
        loaded.Set(notice, holidays, makeUpWorkingDays, actor, now);
        return loaded;
    }

    public int Year { get; private set; }
    public string NoticeNumber { get; private set; } = "";
    public string NoticeTitle { get; private set; } = "";
    public DateOnly NoticePublishedOn { get; private set; }

    /// <summary>Every holiday and make-up working day of the year, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days => _days;

    public string LoadedBy { get; private set; } = "";
    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>Why the year was last replaced (null while it holds its first notice); the audit trail keeps each one.</summary>
    public string? ReplacementReason { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL xmin): two administrators cannot both replace the same year.</summary>
    public uint Version { get; private set; }

    public HolidayNotice Notice => new(NoticeNumber, NoticeTitle, NoticePublishedOn);

    public void Replace(HolidayNotice notice, IReadOnlyList<HolidayRange> holidays, IReadOnlyList<DateOnly> makeUpWorkingDays,
        string reason, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainRuleException.Rule($"The calendar of {Year} is official already.",
                "Replacing an official year needs a reason, which the audit trail keeps.");
        Set(notice, holidays, makeUpWorkingDays, actor, now);
        ReplacementReason = reason;
    }

    /// <summary>
    /// What is wrong with a notice for <paramref name="year"/>, by field: holidays inside the year and not
    /// overlapping; make-up working days weekend days of the year, not holidays, each once.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(int year, IReadOnlyList<HolidayRange> holidays,
        IReadOnlyList<DateOnly> makeUpWorkingDays)
    {
        var problems = new List<(string, string)>();
        var off = new Dictionary<DateOnly, string>();
        for (var i = 0; i < holidays.Count; i++)
        {
            var (field, holiday) = ($"holidays[{i}]", holidays[i]);
            if (holiday.From > holiday.To)
                problems.Add((field, $"'from' ({holiday.From:yyyy-MM-dd}) is after 'to' ({holiday.To:yyyy-MM-dd})."));
            else if (holiday.From.Year != year || holiday.To.Year != year) problems.Add((field, $"The days must be in {year}."));
            else if (holiday.To.DayNumber - holiday.From.DayNumber >= 31) problems.Add((field, "A holiday lasts at most 31 days."));
            else
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                    if (!off.TryAdd(day, holiday.Name)) problems.Add((field, $"{day:yyyy-MM-dd} is already part of {off[day]}."));
            }
        }
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < makeUpWorkingDays.Count; i++)
        {
            var (field, day) = ($"makeUpWorkingDays[{i}]", makeUpWorkingDays[i]);
            if (day.Year != year) problems.Add((field, $"{day:yyyy-MM-dd} is not in {year}."));
            else if (!WorkingDayCalendar.IsWeekend(day))
                problems.Add((field, $"{day:yyyy-MM-dd} is a {day.DayOfWeek}: only a weekend day can be made a working day."));
            else if (off.TryGetValue(day, out var name)) problems.Add((field, $"{day:yyyy-MM-dd} is a day off of {name}."));
            else if (!seen.Add(day)) problems.Add((field, $"{day:yyyy-MM-dd} is given twice."));
        }
        return problems;
    }

    private void Set(
        HolidayNotice notice, IReadOnlyList<HolidayRange> holidays, IReadOnlyList<DateOnly> makeUpWorkingDays, string actor,
        DateTimeOffset now)
    {
        if (Problems(Year, holidays, makeUpWorkingDays) is [var first, ..])
            throw DomainRuleException.Rule($"The notice does not fit {Year}.", $"{first.Field}: {first.Message}");
        var days = holidays
            .SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1)
                .Select(n => new CalendarDay(h.From.AddDays(n), CalendarDayKind.Holiday, h.Name)))
            .Concat(makeUpWorkingDays.Select(d => new CalendarDay(d, CalendarDayKind.MakeUpWorkingDay, MakeUpNameFor(d, holidays))));
        _days = [.. days.OrderBy(d => d.Date)];
        (NoticeNumber, NoticeTitle, NoticePublishedOn) = (notice.Number, notice.Title, notice.PublishedOn);
        (LoadedBy, LoadedAt) = (actor, now);
    }

    /// <summary>A make-up day is named after the nearest holiday it pays for (a notice lists it under that holiday).</summary>
    private static string MakeUpNameFor(DateOnly day, IReadOnlyList<HolidayRange> holidays) =>
        holidays.Count == 0 ? "Make-up working day"
            : $"{holidays.MinBy(h => Math.Min(Math.Abs(h.From.DayNumber - day.DayNumber), Math.Abs(h.To.DayNumber - day.DayNumber)))!.Name}"
                + " (make-up working day)";
}
