using Civility.Contracts;

namespace Civility.AppHost.Infrastructure;

/// <summary>The exchange of each documented event type, by the type's name (as docs/asyncapi.yaml lists them).</summary>
internal static class EventExchanges
{
    private static readonly Dictionary<string, string> ByName = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(IntegrationEvent)) && t.Namespace is not null)
        .ToDictionary(t => t.Name, t => $"{t.Namespace}:{t.Name}", StringComparer.Ordinal);

    public static string Of(string eventName) => ByName.TryGetValue(eventName, out var exchange)
        ? exchange
        : throw new InvalidOperationException(
            $"'{eventName}' is not an event type. Known: {string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal))}.");
}
