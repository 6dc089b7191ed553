using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Civility.Domain.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.EndToEnd.Tests;

// The stack at other dates, for the rules that change with the date: the county year of the scenario, the README
// tour and the demo data run again there. No official holiday notice exists for these years, so every deadline is
// counted on the provisional calendar, and across a year's end.

/// <summary>The stack at 10:00 on 28 December 2027 in the county: deadlines run into 2028 across New Year's Day.</summary>
public sealed class StackAtEndOf2027 : CivilityAppFixture
{
    protected override DateTimeOffset? StackNow => new(2027, 12, 28, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>The stack at 10:00 on 2 January 2030 in the county: the first working day of a year, none of it official.</summary>
public sealed class StackAtStartOf2030 : CivilityAppFixture
{
    protected override DateTimeOffset? StackNow => new(2030, 1, 2, 10, 0, 0, TimeSpan.FromHours(8));
}

[CollectionDefinition(Name)]
public sealed class StackAtEndOf2027Collection : ICollectionFixture<StackAtEndOf2027>
{
    public const string Name = "Civility app host at 2027-12-28";
}

[CollectionDefinition(Name)]
public sealed class StackAtStartOf2030Collection : ICollectionFixture<StackAtStartOf2030>
{
    public const string Name = "Civility app host at 2030-01-02";
}

[Collection(StackAtEndOf2027Collection.Name)]
public sealed class ScenarioAtEndOf2027Tests(StackAtEndOf2027 fixture) : CountyYearScenario(fixture);

[Collection(StackAtEndOf2027Collection.Name)]
public sealed class ReadmeTourAtEndOf2027Tests(StackAtEndOf2027 fixture, Xunit.Abstractions.ITestOutputHelper log)
    : ReadmeTour(fixture, log);

[Collection(StackAtEndOf2027Collection.Name)]
public sealed class DemoDataAtEndOf2027Tests(StackAtEndOf2027 fixture, Xunit.Abstractions.ITestOutputHelper output)
    : DemoDataLoad(fixture, output);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class ScenarioAtStartOf2030Tests(StackAtStartOf2030 fixture) : CountyYearScenario(fixture);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class ReadmeTourAtStartOf2030Tests(StackAtStartOf2030 fixture, Xunit.Abstractions.ITestOutputHelper log)
    : ReadmeTour(fixture, log);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class DemoDataAtStartOf2030Tests(StackAtStartOf2030 fixture, Xunit.Abstractions.ITestOutputHelper output)
    : DemoDataLoad(fixture, output);

[Collection(StackAtEndOf2027Collection.Name)]
public sealed class ClockAtEndOf2027Tests(StackAtEndOf2027 fixture) : StackClockChecks(fixture);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class ClockAtStartOf2030Tests(StackAtStartOf2030 fixture) : StackClockChecks(fixture);

/// <summary>A moved stack: the dashboard shows the offset, and the services date things by it.</summary>
public abstract class StackClockChecks(CivilityAppFixture fixture)
{
    [Fact]
    public async Task The_dashboard_shows_the_clock_offset_and_the_services_count_from_that_date()
    {
        var parameter = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == "clock-offset");
        var offset = TimeSpan.Parse((await parameter.GetValueAsync(default))!, CultureInfo.InvariantCulture);
        Assert.InRange(fixture.Clock.GetUtcNow() - TimeProvider.System.GetUtcNow() - offset,
            TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));

        var today = fixture.Clock.CountyToday();
        using var response = await fixture.Gateway.GetAsync("/api/credit/calendar/today");
        var calendar = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), calendar.GetProperty("date").GetString());
        Assert.Equal("provisional", calendar.GetProperty("calendar").GetString());
        // The volunteer service's "this year" too (the report's default year), with a token from the real-time token server.
        using var admin = await fixture.ClientAsync("civility-admin");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/volunteers/reports/targets");
        Assert.Equal(today.Year, report.GetProperty("year").GetInt32());
    }
}
