using System.Reflection;
using Civility.Messaging;
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
        ["webhooks"] = Civility.Webhooks.Events.Subscriptions.Consumers,
    };

    /// <summary>The inbox keys in use: changing one makes every message its consumer applied look new.</summary>
    private static readonly Dictionary<string, string[]> KeysInUse = new()
    {
        ["volunteers"] = ["PairingActivityCompletedConsumer"],
        ["moral-models"] =
            ["SubjectBlacklistedConsumer", "ListingLiftedConsumer", "UnitDetailsChangedConsumer", "CivilizedUnitStatusChangedConsumer"],
        ["credit"] = ["model-commended"],
        ["pairing"] = ["UnitTargetsChangedConsumer", "SubjectBlacklistedConsumer", "ListingLiftedConsumer"],
        // One key per event passed on to the webhooks: a new event adds its key here, an old one's never changes.
        ["webhooks"] =
        [
            "webhooks:CivilizedUnitStatusChanged", "webhooks:HonourRestored", "webhooks:HonourWithdrawn",
            "webhooks:ListingDeadlineRecounted", "webhooks:ListingLifted", "webhooks:ListingUnderObjection",
            "webhooks:ModelCommended", "webhooks:ModelSelected", "webhooks:NominationPublicized", "webhooks:NominationRejected",
            "webhooks:NominationResumed", "webhooks:NominationSubmitted", "webhooks:NominationSuspended",
            "webhooks:PairingActivityCompleted", "webhooks:PairingEnded", "webhooks:PairingEstablished",
            "webhooks:ServiceHoursApproved", "webhooks:ServiceRecordVoided", "webhooks:StarLevelReached",
            "webhooks:SubjectBlacklisted", "webhooks:SubjectRedlisted", "webhooks:UnitDetailsChanged",
            "webhooks:UnitHeadcountSet", "webhooks:UnitTargetsChanged", "webhooks:VolunteerDeactivated",
            "webhooks:VolunteerReactivated", "webhooks:VolunteerRegistered",
        ],
    };

    public static TheoryData<string> ServiceNames() => [.. Services.Keys];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void The_list_holds_every_consumer_the_service_has(string service)
    {
        var assembly = Services[service][0].Assembly;
        var consumers = assembly.GetTypes().Where(t => !t.IsAbstract && t.GetInterfaces().Any(IsConsumer)).OrderBy(t => t.FullName);
        // A generic consumer is listed closed over each of its events: its definition is the class in the assembly.
        var listed = Services[service].Select(t => t.IsConstructedGenericType ? t.GetGenericTypeDefinition() : t).Distinct();
        Assert.Equal(consumers, listed.OrderBy(t => t.FullName));
    }

    [Fact]
    public void The_webhooks_take_every_public_event_but_the_diagnostics_pings_each_on_the_one_shared_queue()
    {
        var events = typeof(Civility.Contracts.IntegrationEvent).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Civility.Contracts.IntegrationEvent)))
            .Except([typeof(Civility.Contracts.Diagnostics.ServicePinged)]).OrderBy(t => t.Name).ToList();
        Assert.True(events.Count > 20, $"only {events.Count} events found");
        var consumed = Services["webhooks"].Select(c => c.GetInterfaces().Single(IsConsumer).GetGenericArguments()[0]).OrderBy(t => t.Name);
        Assert.Equal(events, consumed);
        Assert.All(Services["webhooks"], c => Assert.Equal("events", c.GetCustomAttribute<SharedQueueAttribute>()?.Name));
        Assert.Equal(events.Select(e => e.Name), Civility.Webhooks.Events.Subscriptions.EventTypes.Keys);
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
        foreach (var message in Services[service].SelectMany(c => c.GetInterfaces().Where(IsConsumer))
            .Select(i => i.GetGenericArguments()[0]))
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
