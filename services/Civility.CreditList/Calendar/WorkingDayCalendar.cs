using System.Text.Json;
using Civility.Hosting.Http;

namespace Civility.CreditList.Calendar;

/// <summary>
/// The Chinese official working-day calendar: weekends off, public holidays off, make-up working days (调休) on,
/// from one data file per year transcribed from the State Council's annual notice. A date in a year with no file
/// is an error (422), never a guess: a deadline counted on the wrong calendar is unlawful.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> _years;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;

    private WorkingDayCalendar(HashSet<int> years, HashSet<DateOnly> holidays, HashSet<DateOnly> makeUp) =>
        (_years, _holidays, _makeUpWorkingDays) = (years, holidays, makeUp);

    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Loads every <c>yyyy.json</c> of <paramref name="directory"/>; a malformed file stops the service.</summary>
    public static WorkingDayCalendar LoadFrom(string directory)
    {
        var (years, holidays, makeUp) = (new HashSet<int>(), new HashSet<DateOnly>(), new HashSet<DateOnly>());
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            var data = JsonSerializer.Deserialize<YearFile>(File.ReadAllText(file), options)
                ?? throw new InvalidOperationException($"Calendar file {file} is empty.");
            if (!years.Add(data.Year)) throw new InvalidOperationException($"Calendar year {data.Year} is given twice.");
            foreach (var holiday in data.Holidays)
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                {
                    if (day.Year != data.Year) throw new InvalidOperationException($"{file}: holiday {day} is outside {data.Year}.");
                    holidays.Add(day);
                }
            }
            foreach (var day in data.MakeUpWorkingDays)
            {
                if (day.Year != data.Year || !IsWeekend(day) || holidays.Contains(day))
                    throw new InvalidOperationException($"{file}: make-up working day {day} must be a weekend day of {data.Year} and no holiday.");
                makeUp.Add(day);
            }
        }
        if (years.Count == 0) throw new InvalidOperationException($"No working-day calendar files in {directory}.");
        return new WorkingDayCalendar(years, holidays, makeUp);
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (!_years.Contains(day.Year))
            throw DomainRuleException.Rule($"The working-day calendar has no data for {day.Year}.",
                $"Loaded years: {string.Join(", ", _years.Order())}. Add Calendar/{day.Year}.json from the State Council's notice.",
                new Dictionary<string, object?> { ["date"] = day, ["loadedYears"] = _years.Order().ToArray() });
        if (_makeUpWorkingDays.Contains(day)) return true;
        return !IsWeekend(day) && !_holidays.Contains(day);
    }

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed record YearFile(int Year, string? Source, List<HolidayRange> Holidays, List<DateOnly> MakeUpWorkingDays);

    private sealed record HolidayRange(string Name, DateOnly From, DateOnly To);
}
