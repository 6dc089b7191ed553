namespace Civility.CreditList.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>No work, even on a weekday (放假).</summary>
    Holiday,

    /// <summary>A weekend day worked in exchange for a bridge day off (调休上班).</summary>
    MakeUpWorkingDay,
}

/// <summary>A day that is not ordinary; every other day is a working day from Monday to Friday and off at weekends.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>One holiday of a notice, as the notice gives it: a name and its first and last day off.</summary>
public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);

/// <summary>The State Council's notice (国务院办公厅关于…年部分节假日安排的通知) that fixes a year's days.</summary>
public sealed record HolidayNotice(string Number, string Title, DateOnly PublishedOn);

/// <summary>Whether a year's days come from its notice, or are the statutory holidays only until it is out.</summary>
public enum CalendarStatus { Official, Provisional }
