using Civility.Domain.Time;
using Civility.ServiceDefaults.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civility.UnitTests;

/// <summary>The county clock: county dates from any clock, and a moved clock only where tests run.</summary>
public sealed class CountyClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void The_county_date_turns_at_the_county_midnight_not_at_UTC_midnight()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), new FixedClock(new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero)).CountyToday());
        var justAfter = new FixedClock(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), justAfter.CountyToday());
        Assert.Equal(2027, justAfter.CountyYear());
        Assert.Equal(TimeSpan.FromHours(8), justAfter.CountyNow().Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), CountyClock.StartOfCountyDay(new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void Tests_may_move_the_clock(string environment)
    {
        using var host = Build(environment, ("Clock:Offset", "391.00:00:00"));
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var shifted = Assert.IsType<ShiftedTimeProvider>(clock);
        Assert.Equal(TimeSpan.FromDays(391), shifted.Offset);
        Assert.InRange(clock.GetUtcNow() - DateTimeOffset.UtcNow,
            TimeSpan.FromDays(391) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(391) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Clock_now_moves_the_clock_to_that_instant_from_which_time_runs_on()
    {
        using var host = Build("Testing", ("Clock:Now", "2030-01-02T10:00:00+08:00"));
        var now = host.Services.GetRequiredService<TimeProvider>().CountyNow();
        Assert.InRange(now,
            new DateTimeOffset(2030, 1, 2, 10, 0, 0, TimeSpan.FromHours(8)),
            new DateTimeOffset(2030, 1, 2, 10, 1, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_moved_clock_is_refused_at_start_in_production()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", ("Clock:Offset", "1.00:00:00")));
        Assert.Contains("Production", error.Message);
        Assert.Throws<InvalidOperationException>(() => Build("Staging", ("Clock:Now", "2030-01-02T10:00:00+08:00")));
        using var real = Build("Production");
        Assert.Same(TimeProvider.System, real.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("Clock:Offset", "next year")]
    [InlineData("Clock:Now", "soon")]
    public void A_clock_setting_that_does_not_parse_stops_the_start(string key, string value) =>
        Assert.Contains(key, Assert.Throws<InvalidOperationException>(() => Build("Testing", (key, value))).Message);

    [Fact]
    public void An_unknown_county_time_zone_stops_the_start()
    {
        Assert.Contains("County:TimeZone", Assert.Throws<InvalidOperationException>(
            () => Build("Testing", ("County:TimeZone", "Mars/Olympus_Mons"))).Message);
        Assert.Equal(new DateOnly(2027, 1, 1), CountyClock.CountyDate(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    private static IHost Build(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddCountyClock();
        return builder.Build();
    }
}
