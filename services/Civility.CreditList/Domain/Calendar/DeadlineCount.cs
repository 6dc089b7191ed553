namespace Civility.CreditList.Domain.Calendar;

/// <summary>
/// How a deadline in working days was counted, kept beside it: from which day, how many working days, the day the
/// calendar gave, and the years counted through — those still provisional among them — so that it can be counted
/// again when such a year's notice is loaded.
/// </summary>
public sealed record DeadlineCount(DateOnly CountedFrom, int WorkingDays, DateOnly Counted, int[] CalendarYears, int[] ProvisionalYears)
{
    public bool Provisional => ProvisionalYears.Length > 0;

    public CalendarStatus StatusOf(int year) => ProvisionalYears.Contains(year) ? CalendarStatus.Provisional : CalendarStatus.Official;

    /// <summary>The same answer: the same day, through the same years, provisional in the same ones.</summary>
    public bool SameAs(DeadlineCount other) => Counted == other.Counted
        && CalendarYears.SequenceEqual(other.CalendarYears) && ProvisionalYears.SequenceEqual(other.ProvisionalYears);
}

/// <summary>Which deadline of an entry: the statement period, an objection's decision, a repair's decision.</summary>
public enum DeadlineKind { Statement, ObjectionDecision, RepairDecision }

/// <summary>
/// A deadline counted again on a newly loaded notice. The day already given to the subject is never shortened:
/// <see cref="Due"/> is the later of <see cref="Given"/> and <see cref="Counted"/>, and both are kept.
/// </summary>
public sealed record DeadlineRecount(DeadlineKind Kind, DateOnly Given, DateOnly Counted, DeadlineCount Count)
{
    public DateOnly Due => Counted > Given ? Counted : Given;

    public bool Moved => Counted > Given;

    public bool Shortened => Counted < Given;

    /// <summary>
    /// Counts the deadline given as <paramref name="given"/> again on <paramref name="calendar"/>, which has just
    /// taken a new notice for <paramref name="year"/>; null if the count did not go through that year or the
    /// answer is unchanged (a corrected notice that moves nothing).
    /// </summary>
    public static DeadlineRecount? Of(DeadlineKind kind, DateOnly given, DeadlineCount count, WorkingDayCalendar calendar, int year)
    {
        if (!count.CalendarYears.Contains(year)) return null;
        var again = calendar.Count(count.CountedFrom, count.WorkingDays);
        return again.SameAs(count) ? null : new DeadlineRecount(kind, given, again.Counted, again);
    }

    /// <summary>What the entry's history says about it.</summary>
    public string Describe(HolidayNotice notice)
    {
        var what = Kind switch
        {
            DeadlineKind.Statement => "The statement period (陈述申辩)",
            DeadlineKind.ObjectionDecision => "The objection's decision date",
            _ => "The repair application's decision date",
        };
        var basis = $"counted again on the official calendar ({notice.Number}): {Counted:yyyy-MM-dd}";
        var outcome = Moved ? $"later than the {Given:yyyy-MM-dd} given, so it moves to {Due:yyyy-MM-dd}."
            : Shortened ? $"earlier than the {Given:yyyy-MM-dd} given; the date given stands (a deadline given is never shortened)."
            : "the same day as given, now final.";
        var still = Count.Provisional ? $" Still provisional for {string.Join(", ", Count.ProvisionalYears)}." : "";
        return $"{what} {basis}, {outcome}{still}";
    }
}
