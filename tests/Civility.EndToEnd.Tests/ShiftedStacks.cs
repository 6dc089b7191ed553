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
public sealed class ReadmeTourAtEndOf2027Tests(StackAtEndOf2027 fixture, Xunit.Abstractions.ITestOutputHelper log) : ReadmeTour(fixture, log);

[Collection(StackAtEndOf2027Collection.Name)]
public sealed class DemoDataAtEndOf2027Tests(StackAtEndOf2027 fixture, Xunit.Abstractions.ITestOutputHelper output) : DemoDataLoad(fixture, output);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class ScenarioAtStartOf2030Tests(StackAtStartOf2030 fixture) : CountyYearScenario(fixture);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class ReadmeTourAtStartOf2030Tests(StackAtStartOf2030 fixture, Xunit.Abstractions.ITestOutputHelper log) : ReadmeTour(fixture, log);

[Collection(StackAtStartOf2030Collection.Name)]
public sealed class DemoDataAtStartOf2030Tests(StackAtStartOf2030 fixture, Xunit.Abstractions.ITestOutputHelper output) : DemoDataLoad(fixture, output);
