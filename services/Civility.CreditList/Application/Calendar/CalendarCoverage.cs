using Civility.CreditList.Data;
using Civility.CreditList.Domain.Calendar;
using Civility.Domain.Time;
using Civility.Hosting.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civility.CreditList.Application.Calendar;

/// <summary>
/// How far ahead deadlines are counted on a notice rather than on the statutory holidays alone. The notice for next
/// year usually comes out in November; an administrator who has not loaded it by then is warned — by a metric, by
/// the health check (Degraded, not Unhealthy: deadlines are still counted, provisionally) and in the log at start.
/// </summary>
public sealed record CalendarCoverage(DateOnly Today, DateOnly? OfficialThrough, int DaysAhead)
{
    /// <summary>Fewer official days ahead than this and the service reports Degraded.</summary>
    public const int WarningDays = 60;

    public bool Short => DaysAhead < WarningDays;

    public static CalendarCoverage Of(WorkingDayCalendar calendar, DateOnly today) =>
        calendar.OfficialThrough(today) is { } through
            ? new CalendarCoverage(today, through, through.DayNumber - today.DayNumber)
            : new CalendarCoverage(today, null, 0);

    public string Describe() => OfficialThrough is { } through
        ? $"The official working-day calendar reaches {through:yyyy-MM-dd}, {DaysAhead} days ahead."
        : $"There is no official working-day calendar for {Today.Year}.";

    public string Advice() =>
        "Deadlines after that are counted on the statutory holidays only (provisional). "
        + $"Load the State Council's notice for {(OfficialThrough?.Year ?? Today.Year - 1) + 1} with PUT /api/credit/calendar/{{year}}.";

    public static async Task<CalendarCoverage> ReadAsync(CreditDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Of(await CalendarStore.LoadAsync(db, cancellationToken), clock.CountyToday());
}

internal sealed class CalendarCoverageHealthCheck(IServiceScopeFactory scopes, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var coverage = await CalendarCoverage.ReadAsync(
            scope.ServiceProvider.GetRequiredService<CreditDbContext>(), clock, cancellationToken);
        var data = new Dictionary<string, object> { ["officialDaysAhead"] = coverage.DaysAhead };
        return coverage.Short
            ? HealthCheckResult.Degraded($"{coverage.Describe()} {coverage.Advice()}", data: data)
            : HealthCheckResult.Healthy(coverage.Describe(), data);
    }
}

/// <summary>Says at start, in the log, when the official calendar is running out.</summary>
internal sealed class CalendarCoverageWarning(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<CalendarCoverageWarning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var coverage = await CalendarCoverage.ReadAsync(
                scope.ServiceProvider.GetRequiredService<CreditDbContext>(), clock, stoppingToken);
            if (coverage.Short)
                logger.LogWarning("{Coverage} {Advice}", coverage.Describe(), coverage.Advice());
            else
                logger.LogInformation("{Coverage}", coverage.Describe());
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not read the working-day calendar's coverage at start");
        }
    }
}

public static class CalendarCoverageRegistration
{
    public static IServiceCollection AddCalendarCoverage(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<CalendarCoverageHealthCheck>("working-day-calendar");
        services.AddHostedService<CalendarCoverageWarning>();
        return services.AddBusinessGauge<CreditDbContext>("civility.calendar.official_days_ahead", "d",
            "Days after today that deadlines are counted on an official holiday notice; the rest are provisional.",
            async (db, clock, ct) => [new GaugeReading((await CalendarCoverage.ReadAsync(db, clock, ct)).DaysAhead)]);
    }
}
