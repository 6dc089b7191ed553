using Civility.Contracts;

namespace Civility.UnitTests;

/// <summary>
/// Each service's list of the events it publishes (whose exchanges it declares at start) holds exactly the events of
/// its contracts namespace: an event left off would have no exchange until its first publish, and a partner binding
/// before that would be refused.
/// </summary>
public sealed class PublicationTests
{
    private static readonly Dictionary<string, (Type[] Events, string Namespace)> Services = new()
    {
        ["volunteers"] = (Civility.Volunteers.Events.Publications.Events, "Civility.Contracts.Volunteers"),
        ["moral-models"] = (Civility.MoralModels.Events.Publications.Events, "Civility.Contracts.MoralModels"),
        ["credit"] = (Civility.CreditList.Events.Publications.Events, "Civility.Contracts.CreditList"),
        ["pairing"] = (Civility.VillagePairing.Events.Publications.Events, "Civility.Contracts.VillagePairing"),
    };

    public static TheoryData<string> ServiceNames() => [.. Services.Keys];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_declares_every_event_of_its_contracts_and_no_other(string service)
    {
        var (events, ns) = Services[service];
        var contracts = typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent)) && t.Namespace == ns).OrderBy(t => t.Name);
        Assert.Equal(contracts, events.Distinct().OrderBy(t => t.Name));
    }
}
