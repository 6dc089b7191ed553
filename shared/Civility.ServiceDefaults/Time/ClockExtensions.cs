using System.Globalization;
using Civility.Domain.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Civility.ServiceDefaults.Time;

public static class ClockExtensions
{
    /// <summary>Environments in which the clock may be moved (<c>Clock:Offset</c>, <c>Clock:Now</c>).</summary>
    public static readonly string[] ShiftableEnvironments = [Environments.Development, "Testing"];

    /// <summary>
    /// The process's clock: the county's zone from <c>County:TimeZone</c>, and the system clock as the
    /// <see cref="TimeProvider"/> — moved by <c>Clock:Offset</c> (e.g. <c>391.00:00:00</c>) or to <c>Clock:Now</c>
    /// (an ISO 8601 instant, from which time then runs on) in Development and Testing only. Anywhere else a moved
    /// clock is refused at start: a deadline counted on a pretend date would be unlawful.
    /// </summary>
    public static TBuilder AddCountyClock<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        CountyClock.Use(builder.Configuration["County:TimeZone"] is { Length: > 0 } zone ? zone : CountyClock.DefaultTimeZoneId);
        var offset = ConfiguredOffset(builder.Configuration, TimeProvider.System);
        if (offset is not null && !ShiftableEnvironments.Any(builder.Environment.IsEnvironment))
            throw new InvalidOperationException(
                $"Clock:Offset and Clock:Now are for tests (environments {string.Join(", ", ShiftableEnvironments)}); " +
                $"this process runs in {builder.Environment.EnvironmentName}. Remove them: the county's deadlines follow the real date.");
        builder.Services.TryAddSingleton(offset is { } shift ? new ShiftedTimeProvider(TimeProvider.System, shift) : TimeProvider.System);
        return builder;
    }

    /// <summary>The offset that <c>Clock:Offset</c> or <c>Clock:Now</c> asks for, or null for the real clock.</summary>
    public static TimeSpan? ConfiguredOffset(IConfiguration configuration, TimeProvider system)
    {
        var offset = configuration["Clock:Offset"];
        var now = configuration["Clock:Now"];
        if (!string.IsNullOrWhiteSpace(offset) && !string.IsNullOrWhiteSpace(now))
            throw new InvalidOperationException("Set Clock:Offset or Clock:Now, not both.");
        if (!string.IsNullOrWhiteSpace(offset))
            return TimeSpan.TryParse(offset, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw new InvalidOperationException($"Clock:Offset '{offset}' is not a time span (d.hh:mm:ss, e.g. 391.00:00:00).");
        if (!string.IsNullOrWhiteSpace(now))
            return DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? at - system.GetUtcNow()
                : throw new InvalidOperationException($"Clock:Now '{now}' is not an instant (ISO 8601, e.g. 2027-12-28T10:00:00+08:00).");
        return null;
    }
}
