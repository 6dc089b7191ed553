namespace Civility.Domain.Time;

/// <summary>
/// The county's time. Every date rule in every service — the date of a record, a deadline, a job's "today", "this
/// year" in a report — takes its day from here, never from a UTC instant directly: between 00:00 and 08:00 in China
/// the UTC date is still yesterday.
/// </summary>
/// <remarks>
/// The zone is one fact of the deployment, like the county itself (<c>County:TimeZone</c>, an IANA id, default
/// <c>Asia/Shanghai</c>). It is set once at start, before anything reads a date, so that every
/// <see cref="TimeProvider"/> — the system's, a shifted one, a test's fake — gives the same county dates.
/// </remarks>
public static class CountyClock
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    public static TimeZoneInfo TimeZone { get; private set; } = FindTimeZone(DefaultTimeZoneId);

    /// <summary>The county's wall-clock time now, with its offset from UTC.</summary>
    public static DateTimeOffset CountyNow(this TimeProvider clock) => ToCounty(clock.GetUtcNow());

    /// <summary>The county's date now.</summary>
    public static DateOnly CountyToday(this TimeProvider clock) => CountyDate(clock.GetUtcNow());

    /// <summary>The county's calendar year now: "this year" of reports, metrics and targets.</summary>
    public static int CountyYear(this TimeProvider clock) => clock.CountyToday().Year;

    /// <summary>The county's date at <paramref name="instant"/>.</summary>
    public static DateOnly CountyDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToCounty(instant).DateTime);

    /// <summary>The instant the county's <paramref name="day"/> begins (its midnight).</summary>
    public static DateTimeOffset StartOfCountyDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, TimeZone.GetUtcOffset(midnight));
    }

    /// <summary><paramref name="instant"/> as the county's wall-clock time.</summary>
    public static DateTimeOffset ToCounty(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>Sets the county's zone for this process (at start, from <c>County:TimeZone</c>).</summary>
    public static void Use(string timeZoneId) => TimeZone = FindTimeZone(timeZoneId);

    private static TimeZoneInfo FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultTimeZoneId)
        {
            // A machine without the zone database (a slim container): China Standard Time has kept UTC+8 without
            // daylight saving since 1991, so a fixed zone gives the same dates.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"County:TimeZone '{id}' is not a time zone this machine knows (an IANA id such as {DefaultTimeZoneId}).", ex);
        }
    }
}
