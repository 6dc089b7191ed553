using System.Globalization;
using Civility.Domain.Time;
using Civility.ServiceDefaults.Time;

namespace Civility.AppHost;

internal static class StackClock
{
    /// <summary>
    /// Their clocks stay real: token lifetimes and rate limits are about real time, not the county's rules; the
    /// migration step dates nothing.
    /// </summary>
    private static readonly string[] RealTimeProjects = ["identity", "gateway", "migrations"];

    /// <summary>
    /// <c>Clock:Now=2027-12-28T10:00:00+08:00</c> (or <c>Clock:Offset=391.00:00:00</c>) runs the services and the demo
    /// data at that date for a test: one offset, computed here once, so that every process agrees to the second. The
    /// dashboard shows it as the parameter <c>clock-offset</c>; the services accept it in Development and Testing only.
    /// </summary>
    public static IDistributedApplicationBuilder ShiftClockWhenAsked(this IDistributedApplicationBuilder builder)
    {
        if (ClockExtensions.ConfiguredOffset(builder.Configuration, TimeProvider.System) is not { } offset) return builder;
        var countyNow = CountyClock.ToCounty(TimeProvider.System.GetUtcNow() + offset);
        var parameter = builder.AddParameter("clock-offset", offset.ToString("c", CultureInfo.InvariantCulture))
            .WithDescription(
                $"The services' clock is moved for a test: county time was {countyNow:yyyy-MM-dd HH:mm} when the stack started.");
        foreach (var project in builder.Resources.OfType<ProjectResource>().Where(p => !RealTimeProjects.Contains(p.Name)).ToList())
            builder.CreateResourceBuilder(project).WithEnvironment("Clock__Offset", parameter);
        return builder;
    }
}
