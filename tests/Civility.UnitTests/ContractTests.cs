using System.Reflection;
using System.Text.RegularExpressions;
using Civility.Contracts;

namespace Civility.UnitTests;

public sealed partial class ContractTests
{
    private static readonly Type[] EventTypes = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract)
        .OrderBy(t => t.FullName)
        .ToArray();

    public static TheoryData<string> Events() => [.. EventTypes.Select(t => t.FullName!)];

    [Fact]
    public void The_contracts_hold_the_events_the_domain_names()
    {
        string[] named =
        [
            "VolunteerRegistered", "ServiceHoursApproved", "StarLevelReached", "PairingActivityCompleted",
            "NominationPublicized", "ModelCommended", "SubjectBlacklisted", "ListingLifted",
            "CivilizedUnitStatusChanged", "PairingEstablished",
        ];
        Assert.All(named, name => Assert.Contains(EventTypes, t => t.Name == name));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_is_documented_for_partners_in_the_AsyncAPI_file(string fullName)
    {
        var type = EventTypes.Single(t => t.FullName == fullName);
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "asyncapi.yaml"));

        // The channel is the exchange MassTransit publishes to: "<namespace>:<type>" unless the type names its own.
        var exchange = type.GetField("Exchange", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        Assert.Contains($"address: '{exchange ?? $"{type.Namespace}:{type.Name}"}'", document);

        var schema = SchemaBlock(document, type.Name);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == type))
            Assert.Matches(new Regex($@"^\s+{JsonName(property.Name)}:\s*$", RegexOptions.Multiline), schema);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void No_event_carries_an_unmasked_identity_number_or_phone(string fullName)
    {
        var type = EventTypes.Single(t => t.FullName == fullName);
        var risky = AllProperties(type)
            .Where(p => IdentityName().IsMatch(p.Name)
                && !p.Name.StartsWith("Masked", StringComparison.Ordinal)
                && !p.Name.EndsWith("Hash", StringComparison.Ordinal))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(risky);
    }

    private static IEnumerable<PropertyInfo> AllProperties(Type type, int depth = 0)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return property;
            var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (depth < 3 && inner.Namespace?.StartsWith("Civility.Contracts", StringComparison.Ordinal) == true)
                foreach (var nested in AllProperties(inner, depth + 1)) yield return nested;
        }
    }

    private static string SchemaBlock(string document, string name)
    {
        var schemas = document[document.IndexOf("\n  schemas:", StringComparison.Ordinal)..];
        var match = Regex.Match(schemas, $@"\n    {name}:\n(?<body>(?:      .*\n|        .*\n)*)");
        Assert.True(match.Success, $"No schema for {name} under components.schemas");
        return match.Groups["body"].Value;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex("IdNumber|IdentityNumber|CitizenId|IdCard|Phone|Mobile", RegexOptions.IgnoreCase)]
    private static partial Regex IdentityName();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Civility.sln not found above the test binaries.");
    }
}
