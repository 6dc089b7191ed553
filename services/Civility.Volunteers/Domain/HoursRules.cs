namespace Civility.Volunteers.Domain;

/// <summary>Limits of plausible service hours (<c>Volunteers:MaxHoursPerDay</c>, <c>Volunteers:MaxRecordAgeDays</c>).</summary>
public sealed class HoursLimits
{
    /// <summary>Hours one volunteer may have on one county day, every source together.</summary>
    public decimal MaxHoursPerDay { get; set; } = 12m;

    /// <summary>How far back an entry or an import may date hours, unless an administrator records them.</summary>
    public int MaxRecordAgeDays { get; set; } = 366;
}

/// <summary>A volunteer's other hours on the day of a record: their sum, and the times of those that have one.</summary>
public sealed record DayOfService(decimal Hours, IReadOnlyList<ServicePeriod> Periods)
{
    public static readonly DayOfService Empty = new(0m, []);

    public static DayOfService Of(IEnumerable<(decimal Hours, ServicePeriod? Period)> records) =>
        records.Aggregate(Empty, (day, record) => day.With(record.Hours, record.Period));

    /// <summary>The day with one more record in it.</summary>
    public DayOfService With(decimal hours, ServicePeriod? period) =>
        new(Hours + hours, period is { } timed ? [.. Periods, timed] : Periods);
}

/// <summary>
/// The rules every service record must meet, whatever its source (a check-out, an entry, an import, a pairing
/// activity): one place, so that no source lets through what another refuses.
/// </summary>
public static class HoursRules
{
    /// <summary>Why <paramref name="record"/> is not plausible beside the volunteer's other hours of its day, or null.</summary>
    public static string? Problem(
        ServiceRecord record, DayOfService sameDay, DateOnly countyToday, HoursLimits limits, bool byAdministrator) =>
        DateProblem(record.Source, record.ServiceDate, countyToday, limits, byAdministrator)
        ?? (record.Period is { } period && record.Hours > decimal.Round(period.Hours, 2, MidpointRounding.AwayFromZero)
            ? $"{record.Hours} hours are more than the service lasted ({decimal.Round(period.Hours, 2)} hours)."
            : null)
        ?? DayProblem(record.Hours, record.ServiceDate, sameDay.Hours, limits)
        ?? (record.Period is { } timed && sameDay.Periods.Any(other => other.Overlaps(timed))
            ? "The volunteer already has hours recorded for part of this time."
            : null);

    /// <summary>The rules on a record's date alone: never in the future (county date); entries and imports not too old.</summary>
    public static string? DateProblem(
        ServiceRecordSource source, DateOnly serviceDate, DateOnly countyToday, HoursLimits limits, bool byAdministrator)
    {
        if (serviceDate > countyToday) return "Service cannot be recorded before it happens.";
        if (source is ServiceRecordSource.Manual or ServiceRecordSource.Import && !byAdministrator
            && serviceDate < countyToday.AddDays(-limits.MaxRecordAgeDays))
            return $"Hours more than {limits.MaxRecordAgeDays} days old are recorded by an administrator.";
        return null;
    }

    public static string? DayProblem(decimal hours, DateOnly serviceDate, decimal alreadyThatDay, HoursLimits limits) =>
        alreadyThatDay + hours > limits.MaxHoursPerDay
            ? $"At most {limits.MaxHoursPerDay:0.##} hours a day per volunteer, all sources together: "
                + $"{alreadyThatDay:0.##} already recorded on {serviceDate:yyyy-MM-dd}."
            : null;
}
