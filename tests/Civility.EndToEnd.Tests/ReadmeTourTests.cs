using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// The README's "A county year in curl" runs as written: the bash block after the <c>&lt;!-- tour: ...</c> comment,
/// with bash, curl and python3, against this run's gateway, as the tour's own unit-scoped client (unit TOUR-A).
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class ReadmeTourTests(CivilityAppFixture fixture, ITestOutputHelper log) : ReadmeTour(fixture, log);

/// <summary>The tour on any stack: it takes the county's date from the stack, so it runs at any date the stack runs at.</summary>
public abstract partial class ReadmeTour(CivilityAppFixture fixture, ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_readme_tour_runs_as_written()
    {
        var tour = ExtractTour(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md")));
        var idNumbers = IdNumber().Matches(tour).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(idNumbers.Count >= 2, "The tour registers people with citizen ID numbers written in it.");

        var work = Directory.CreateTempSubdirectory("civility-tour-");
        try
        {
            var secrets = Path.Combine(work.FullName, "secrets.json");
            await File.WriteAllTextAsync(secrets, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["civility-admin-secret"] = await fixture.ClientSecretAsync("civility-admin"),
                [$"{CivilityAppFixture.TourClient}-secret"] = await fixture.ClientSecretAsync(CivilityAppFixture.TourClient),
            }));
            var script = Path.Combine(work.FullName, "tour.sh");
            await File.WriteAllTextAsync(script, tour);

            var (exitCode, output) = await RunAsync(script, work.FullName, new Dictionary<string, string>
            {
                ["GW"] = fixture.Gateway.BaseAddress!.ToString().TrimEnd('/'),
                ["SECRETS"] = secrets,
                ["UNIT_CLIENT"] = CivilityAppFixture.TourClient,
                ["UNIT"] = CivilityAppFixture.TourUnit,
            });
            log.WriteLine(output);

            Assert.True(exitCode == 0, $"The README tour exited with {exitCode}:\n{output}");
            foreach (var idNumber in idNumbers)
                Assert.False(output.Contains(idNumber, StringComparison.OrdinalIgnoreCase),
                    $"The tour's output shows the ID number {idNumber[..4]}… in clear:\n{output}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The lines between the <c>```bash</c> fence right after the tour comment and the closing fence.</summary>
    private static string ExtractTour(string readme)
    {
        var lines = readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var comment = lines.FindIndex(l => l.StartsWith("<!-- tour:", StringComparison.Ordinal));
        Assert.True(comment >= 0, "README.md has no <!-- tour: ... --> comment.");
        Assert.True(comment + 1 < lines.Count && lines[comment + 1] == "```bash", "The tour comment is not followed by a ```bash block.");
        var end = lines.FindIndex(comment + 2, l => l == "```");
        Assert.True(end > comment, "The tour's bash block is not closed.");
        return string.Join('\n', lines[(comment + 2)..end]) + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Civility.sln above {AppContext.BaseDirectory}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, string workingDirectory,
        Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"Timed out after {Timeout}.\n--- stdout\n{await stdout}\n--- stderr\n{await stderr}");
        }
        return (process.ExitCode, $"--- stdout\n{await stdout}\n--- stderr\n{await stderr}");
    }

    /// <summary>A citizen ID number in a request body of the tour.</summary>
    [GeneratedRegex("\"idNumber\":\"([0-9]{17}[0-9X])\"")]
    private static partial Regex IdNumber();
}
