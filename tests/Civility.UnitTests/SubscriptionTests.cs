using System.Reflection;
using Civility.Messaging.Inbox;
using MassTransit;

namespace Civility.UnitTests;

/// <summary>Each service's subscription list: complete, keyed for its inbox once and for all, and documented.</summary>
public sealed class SubscriptionTests
{
    private static readonly Dictionary<string, Type[]> Services = new()
    {
        ["volunteers"] = Civility.Volunteers.Events.Subscriptions.Consumers,
        ["moral-models"] = Civility.MoralModels.Events.Subscriptions.Consumers,
        ["credit"] = Civility.CreditList.Events.Subscriptions.Consumers,
        ["pairing"] = Civility.VillagePairing.Events.Subscriptions.Consumers,
    };

    /// <summary>The inbox keys in use: changing one makes every message its consumer applied look new.</summary>
    private static readonly Dictionary<string, string[]> KeysInUse = new()
    {
        ["volunteers"] = ["PairingActivityCompletedConsumer"],
        ["moral-models"] = ["SubjectBlacklistedConsumer", "ListingLiftedConsumer", "UnitDetailsChangedConsumer", "CivilizedUnitStatusChangedConsumer"],
        ["credit"] = ["model-commended"],
        ["pairing"] = ["UnitTargetsChangedConsumer", "SubjectBlacklistedConsumer", "ListingLiftedConsumer"],
    };

    public static TheoryData<string> ServiceNames() => [.. Services.Keys];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void The_list_holds_every_consumer_the_service_has(string service)
    {
        var assembly = Services[service][0].Assembly;
        var consumers = assembly.GetTypes().Where(t => !t.IsAbstract && t.GetInterfaces().Any(IsConsumer)).OrderBy(t => t.FullName);
        Assert.Equal(consumers, Services[service].OrderBy(t => t.FullName));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_consumer_keeps_the_inbox_key_it_has_always_had(string service)
    {
        var keys = Services[service].Select(InboxKeyAttribute.Of).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(KeysInUse[service].Order(), keys.Order());
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_event_a_service_consumes_is_in_the_AsyncAPI_document(string service)
    {
        var document = File.ReadAllText(Path.Combine(ContractTests.RepositoryRoot(), "docs", "asyncapi.yaml"));
        foreach (var message in Services[service].SelectMany(c => c.GetInterfaces().Where(IsConsumer)).Select(i => i.GetGenericArguments()[0]))
            Assert.Contains($"address: '{message.Namespace}:{message.Name}'", document);
    }

    [Fact]
    public void A_consumer_without_a_key_cannot_run()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => InboxKeyAttribute.Of(typeof(Unkeyed)));
        Assert.Contains(nameof(Unkeyed), refused.Message);
    }

    private static bool IsConsumer(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IConsumer<>);

    private sealed class Unkeyed;
}
