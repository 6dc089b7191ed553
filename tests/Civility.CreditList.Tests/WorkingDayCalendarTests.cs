using Civility.CreditList.Domain.Calendar;
using Civility.Domain;

namespace Civility.CreditList.Tests;

/// <summary>The calendar's rules on test data: official years as given, provisional years from the statutory holidays.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A made-up notice for 2031 (not the real one): New Year 1–3 Jan, Sat 4 Jan worked instead.</summary>
    private static OfficialCalendarYear Notice2031() => OfficialCalendarYear.Load(2031,
        new HolidayNotice("TEST-2031", "Test notice", D("2030-11-01")),
        [new HolidayRange("New Year's Day", D("2031-01-01"), D("2031-01-03"))], [D("2031-01-04")], "test", Now);

    [Fact]
    public void A_provisional_year_is_weekends_and_the_statutory_holidays_and_says_so()
    {
        var calendar = new WorkingDayCalendar([]);
        Assert.Equal(CalendarStatus.Provisional, calendar.StatusOf(2030));
        Assert.False(calendar.IsWorkingDay(D("2030-01-01"))); // a Tuesday, New Year's Day
        Assert.True(calendar.IsWorkingDay(D("2030-01-02")));
        Assert.False(calendar.IsWorkingDay(D("2030-01-05"))); // an ordinary Saturday: no make-up days without a notice
        Assert.False(calendar.IsWorkingDay(D("2030-10-03")));
        Assert.True(calendar.IsWorkingDay(D("2030-10-04"))); // a Friday: the statutory National Day is 3 days, not the usual week
        Assert.All(StatutoryHolidays.Of(2030), h => Assert.False(calendar.IsWorkingDay(h.Date)));
    }

    [Fact]
    public void An_official_year_follows_its_notice_including_make_up_working_days()
    {
        var calendar = new WorkingDayCalendar([Notice2031()]);
        Assert.Equal(CalendarStatus.Official, calendar.StatusOf(2031));
        Assert.False(calendar.IsWorkingDay(D("2031-01-03"))); // a Friday the notice gives off
        Assert.True(calendar.IsWorkingDay(D("2031-01-04")));  // a Saturday the notice makes a working day
        Assert.False(calendar.IsWorkingDay(D("2031-01-05")));
        Assert.Equal([D("2031-01-01"), D("2031-01-02"), D("2031-01-03"), D("2031-01-04")], calendar.DaysOf(2031).Select(d => d.Date));
        Assert.Equal(CalendarDayKind.MakeUpWorkingDay, calendar.DaysOf(2031)[3].Kind);
    }

    [Fact]
    public void A_count_names_the_years_it_went_through_and_those_still_provisional()
    {
        var calendar = new WorkingDayCalendar([Notice2031()]);
        // From Mon 29 Dec 2031 (an official year) into 2032, which is not: Tue 30, Wed 31, [Thu 1 Jan off], Fri 2, Mon 5.
        var count = calendar.Count(D("2031-12-29"), 4);
        Assert.Equal(D("2032-01-05"), count.Counted);
        Assert.Equal([2031, 2032], count.CalendarYears);
        Assert.Equal([2032], count.ProvisionalYears);
        Assert.True(count.Provisional);
        var inside = calendar.Count(D("2031-01-02"), 1); // Fri 3 off, Sat 4 worked
        Assert.Equal(D("2031-01-04"), inside.Counted);
        Assert.False(inside.Provisional);
    }

    [Fact]
    public void A_recount_on_a_new_notice_moves_a_deadline_later_but_never_earlier()
    {
        var provisional = new WorkingDayCalendar([]);
        var count = provisional.Count(D("2031-01-02"), 1); // Thu 2 Jan 2031 + 1: Fri 3 Jan
        Assert.Equal(D("2031-01-03"), count.Counted);
        var official = new WorkingDayCalendar([Notice2031()]); // Fri 3 off, Sat 4 worked: Sat 4 Jan
        var later = DeadlineRecount.Of(DeadlineKind.ObjectionDecision, count.Counted, count, official, 2031)!;
        Assert.True(later.Moved);
        Assert.Equal(D("2031-01-04"), later.Due);

        var madeUp = OfficialCalendarYear.Load(2031, new HolidayNotice("TEST-2031b", "Test notice", D("2030-11-01")),
            [new HolidayRange("New Year's Day", D("2031-01-01"), D("2031-01-01"))], [D("2031-01-04")], "test", Now);
        var early = provisional.Count(D("2031-01-03"), 1); // Fri 3 + 1 on the provisional calendar: Mon 6 Jan
        var earlier = DeadlineRecount.Of(DeadlineKind.Statement, early.Counted, early, new WorkingDayCalendar([madeUp]), 2031)!;
        Assert.Equal(D("2031-01-04"), earlier.Counted); // Sat 4 Jan is worked on that notice
        Assert.True(earlier.Shortened);
        Assert.Equal(D("2031-01-06"), earlier.Due); // the day given stands
        Assert.Contains("never shortened", earlier.Describe(madeUp.Notice));

        Assert.Null(DeadlineRecount.Of(DeadlineKind.Statement, early.Counted, early, provisional, 2032)); // not counted through 2032
    }

    [Fact]
    public void Official_coverage_runs_through_consecutive_official_years_from_today()
    {
        var calendar = new WorkingDayCalendar([Notice2031()]);
        Assert.Equal(D("2031-12-31"), calendar.OfficialThrough(D("2031-03-01")));
        Assert.Null(calendar.OfficialThrough(D("2030-12-01"))); // today's year itself is provisional
    }

    [Fact]
    public void A_notice_that_does_not_fit_its_year_is_refused_field_by_field()
    {
        var problems = OfficialCalendarYear.Problems(2031,
            [new HolidayRange("A", D("2031-02-03"), D("2031-02-01")), new HolidayRange("B", D("2030-12-31"), D("2031-01-01")),
             new HolidayRange("C", D("2031-05-01"), D("2031-05-05")), new HolidayRange("D", D("2031-05-05"), D("2031-05-06"))],
            [D("2031-01-06"), D("2031-05-03"), D("2032-01-03"), D("2031-01-04"), D("2031-01-04")]);
        Assert.Equal(["holidays[0]", "holidays[1]", "holidays[3]",
                "makeUpWorkingDays[0]", "makeUpWorkingDays[1]", "makeUpWorkingDays[2]", "makeUpWorkingDays[4]"],
            problems.Select(p => p.Field));
        Assert.Contains("Monday", problems.Single(p => p.Field == "makeUpWorkingDays[0]").Message); // 6 Jan 2031 is a Monday
        Assert.Throws<DomainRuleException>(() => OfficialCalendarYear.Load(2031, new HolidayNotice("X", "X", D("2030-11-01")),
            [], [D("2031-01-06")], "test", Now));
    }

    [Fact]
    public void An_official_year_is_replaced_only_with_a_reason()
    {
        var year = Notice2031();
        var error = Assert.Throws<DomainRuleException>(() => year.Replace(year.Notice, [], [], " ", "test", Now));
        Assert.Equal(RuleKind.Unprocessable, error.Kind);
        year.Replace(new HolidayNotice("TEST-2031-corrected", "Test notice", D("2030-11-02")), [], [], "Transcription error", "test", Now);
        Assert.Equal("Transcription error", year.ReplacementReason);
        Assert.Empty(year.Days);
    }

    [Fact]
    public void A_year_no_calendar_can_be_made_for_is_an_explicit_error()
    {
        var error = Assert.Throws<DomainRuleException>(
            () => new WorkingDayCalendar([]).IsWorkingDay(new DateOnly(StatutoryHolidays.LastYear + 1, 3, 1)));
        Assert.Equal(RuleKind.Unprocessable, error.Kind);
    }
}
