using Civility.Contracts;
using Civility.Contracts.Diagnostics;

namespace Civility.Webhooks.Events;

/// <summary>
/// What this service consumes: every public integration event of the contracts but the diagnostics pings, each through
/// <see cref="WebhookEventConsumer{TEvent}"/> on one queue. Taken from the contracts, not listed by hand, so that a new
/// event reaches the webhooks too; a unit test keeps the inbox keys it makes.
/// </summary>
public static class Subscriptions
{
    /// <summary>The event types a webhook may subscribe to, by the name docs/asyncapi.yaml gives them.</summary>
    public static readonly IReadOnlyDictionary<string, Type> EventTypes = typeof(IntegrationEvent).Assembly.GetExportedTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(IntegrationEvent)) && t != typeof(ServicePinged))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static readonly Type[] Consumers = [.. EventTypes.Values.Select(t => typeof(WebhookEventConsumer<>).MakeGenericType(t))];
}
