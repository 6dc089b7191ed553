namespace Civility.UnitTests;

/// <summary>
/// Code is read in side-by-side diffs and on laptops: no line of C# is longer than the .editorconfig's
/// <c>max_line_length</c> (140), which no formatter enforces by itself. EF Core's generated migrations are left as the
/// tool writes them.
/// </summary>
public sealed class LineLengthConventionTests
{
    private const int MaxLineLength = 140;
    private static readonly string[] Roots = ["Civility.AppHost", "services", "shared", "gateway", "web", "tools", "bench", "tests"];

    [Fact]
    public void No_line_of_code_is_longer_than_140_characters()
    {
        var root = ContractTests.RepositoryRoot();
        var findings = Roots.Select(folder => Path.Combine(root, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsGeneratedOrBuildOutput(Path.GetRelativePath(root, file)))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{Path.GetRelativePath(root, l.file)}:{l.number}: {l.line.Length} characters")
            .ToList();

        Assert.True(findings.Count == 0, $"{findings.Count} line(s) over {MaxLineLength} characters:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void The_editorconfig_says_the_same_length()
    {
        var editorConfig = File.ReadAllText(Path.Combine(ContractTests.RepositoryRoot(), ".editorconfig"));
        Assert.Contains($"max_line_length = {MaxLineLength}", editorConfig, StringComparison.Ordinal);
    }

    private static bool IsGeneratedOrBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "Migrations" or "node_modules");
    }
}
