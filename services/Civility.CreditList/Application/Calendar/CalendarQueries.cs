using Civility.CreditList.Data;
using Civility.CreditList.Domain.Calendar;
using Civility.Domain.Time;
using Civility.Hosting.Application;

namespace Civility.CreditList.Application.Calendar;

/// <summary>The calendar as loaded now, the county's date, and how far ahead deadlines are counted on notices.</summary>
public sealed record CalendarOverview(WorkingDayCalendar Calendar, DateOnly Today, CalendarCoverage Coverage)
{
    /// <summary>Every official year, and this year and the next whether official or not (what an administrator checks).</summary>
    public IReadOnlyList<int> Years => [.. Calendar.OfficialYears.Union([Today.Year, Today.Year + 1]).Order()];
}

public sealed class ReadCalendarOverview(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<CalendarOverview> ExecuteAsync(CancellationToken ct)
    {
        var calendar = await CalendarStore.LoadAsync(db, ct);
        var today = clock.CountyToday();
        return new CalendarOverview(calendar, today, CalendarCoverage.Of(calendar, today));
    }
}

/// <summary>The county's date and time now, and what kind of day it is on the calendar.</summary>
public sealed record CalendarDayNow(DateTimeOffset Now, DateOnly Today, bool WorkingDay, CalendarStatus Calendar);

public sealed class ReadCalendarToday(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<CalendarDayNow> ExecuteAsync(CancellationToken ct)
    {
        var calendar = await CalendarStore.LoadAsync(db, ct);
        var (now, today) = (clock.CountyNow(), clock.CountyToday());
        return new CalendarDayNow(now, today, calendar.IsWorkingDay(today), calendar.StatusOf(today.Year));
    }
}

/// <summary>The calendar to show a year from: the year's notice if loaded, its statutory holidays if not.</summary>
public sealed class ReadCalendar(CreditDbContext db) : IUseCase
{
    public Task<WorkingDayCalendar> ExecuteAsync(CancellationToken ct) => CalendarStore.LoadAsync(db, ct);
}
