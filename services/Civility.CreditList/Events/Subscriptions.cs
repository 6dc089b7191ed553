namespace Civility.CreditList.Events;

/// <summary>
/// What this service consumes, in one place: each consumer gets its own queue from this list (nothing is found by
/// scanning), and a test checks the list against the consumers in docs/asyncapi.yaml.
/// </summary>
public static class Subscriptions
{
    public static readonly Type[] Consumers =
    [
        typeof(ModelCommendedConsumer),
    ];
}
