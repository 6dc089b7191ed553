using System.Diagnostics;
using Civility.Bench;

// Civility benchmarks: starts the whole stack in local mode through the app host and measures each figure beside
// its baseline in the same run. `--quick` runs every benchmark with small sizes (a smoke run, no results file);
// `--only a,b` runs some of them (no results file either). See bench/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
var report = new Report();
var total = Stopwatch.StartNew();
Console.WriteLine($"Civility benchmarks ({options.Limits ?? "full run"}): "
    + $"{options.Records:N0} records, {options.LoadSeconds} s loads, {options.Workers} workers");

// Start-up is always measured: every other benchmark needs the stack running.
BenchStack stack;
try
{
    stack = await BenchStack.StartAsync();
}
catch (Exception e)
{
    Console.Error.WriteLine($"The stack could not start: {e}");
    return 2;
}
Console.WriteLine($"   {stack.StartUpDetail}");
report.Add("Start-up", $"app host start → all {BenchStack.Resources.Length} resources healthy ({stack.StartUpDetail})",
    $"{stack.StartUp.TotalSeconds:F1} s", "—", "—", "< 25 s", stack.StartUp.TotalSeconds < 25);
Console.WriteLine($"Started in {stack.StartUp.TotalSeconds:F1} s");

var exitCode = 0;
try
{
    using var context = await BenchContext.CreateAsync(options, report, stack);
    foreach (var benchmark in Benchmark.All)
    {
        if (options.Selects(benchmark)) await benchmark.RunAsync(context);
        else report.Skipped(benchmark.Title, $"not run: --only {string.Join(",", options.Only!)}");
    }
}
catch (Exception e)
{
    Console.Error.WriteLine($"The run could not finish: {e}");
    exitCode = 1;
}
finally
{
    await stack.DisposeAsync();
}

var table = report.Render(options.Limits, total.Elapsed);
Console.WriteLine();
Console.WriteLine(table);
if (options.WritesResultsFile && exitCode == 0)
{
    var resultsDirectory = Path.Combine(RepositoryRoot(), "bench", "results");
    Directory.CreateDirectory(resultsDirectory);
    var file = Path.Combine(resultsDirectory, $"{DateTime.UtcNow:yyyy-MM-dd}.md");
    await File.WriteAllTextAsync(file, table);
    Console.WriteLine($"Written to {file}");
}
return exitCode;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
