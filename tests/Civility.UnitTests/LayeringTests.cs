using System.Reflection;
using System.Text.RegularExpressions;

namespace Civility.UnitTests;

/// <summary>What each layer may lean on, checked on the source and the assemblies rather than trusted to review.</summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Services =
    [
        "Civility.Volunteers", "Civility.MoralModels", "Civility.CreditList", "Civility.VillagePairing", "Civility.Identity",
        "Civility.Webhooks",
    ];

    /// <summary>Namespaces a Domain/ file may not import: the web, the database, hosting and the service's outer layers.</summary>
    private static readonly string[] ForbiddenInDomain =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Civility.Hosting", "Civility.ServiceDefaults",
         "Civility.Data", "Civility.Messaging", "MassTransit", "Npgsql"];

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();

    public static TheoryData<string> ServiceNames() => [.. Services];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Domain_code_uses_no_web_database_or_hosting_types(string service)
    {
        var folder = Path.Combine(ContractTests.RepositoryRoot(), "services", service, "Domain");
        var offending = SourceFiles(folder)
            .SelectMany(file => Using().Matches(File.ReadAllText(file)).Select(m => (file: Path.GetFileName(file), ns: m.Groups[1].Value)))
            .Where(u => ForbiddenInDomain.Any(f => u.ns == f || u.ns.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(u => $"{u.file}: {u.ns}").ToList();
        Assert.Empty(offending);
        // Fully qualified names get around a using: look for them too.
        var qualified = SourceFiles(folder)
            .Where(file => ForbiddenInDomain.Any(f => File.ReadAllText(file).Contains(f + ".", StringComparison.Ordinal)))
            .Select(Path.GetFileName).ToList();
        Assert.Empty(qualified);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void No_service_writes_an_integration_event_by_hand(string service)
    {
        // Aggregates record domain events; the save writes the ones Events/Publications.cs maps to the outbox.
        var folder = Path.Combine(ContractTests.RepositoryRoot(), "services", service);
        var writers = SourceFiles(folder).Where(file => File.ReadAllText(file).Contains("AddIntegrationEvent", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(folder, file)).ToList();
        Assert.Empty(writers);
    }

    [Theory]
    [InlineData("Civility.Domain")]
    [InlineData("Civility.Contracts")]
    [InlineData("Civility.Messaging")]
    [InlineData("Civility.Data")]
    public void Shared_libraries_below_hosting_do_not_reference_ASP_NET_Core(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_library_references_nothing_but_the_runtime()
    {
        var references = Assembly.Load("Civility.Domain").GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];
}
