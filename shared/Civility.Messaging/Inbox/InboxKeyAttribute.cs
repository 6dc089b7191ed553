using System.Collections.Concurrent;
using System.Reflection;

namespace Civility.Messaging.Inbox;

/// <summary>
/// The name a consumer's applied messages are kept under in its inbox. Written out, not taken from the class name: a
/// renamed class with a new key would apply every message it ever consumed once more. Never change a key in use.
/// A generic consumer closed over each of several event types (the webhook service's) writes <c>{event}</c> in its key:
/// each closed type keeps its messages under the key with the event type's name in its place (<c>webhooks:{event}</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InboxKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;

    /// <summary>Stands for the event type's name in the key of a generic consumer closed over one event type.</summary>
    public const string EventPlaceholder = "{event}";

    private static readonly ConcurrentDictionary<Type, string> Keys = new();

    /// <summary>The key a consumer class declares; a consumer without one cannot run.</summary>
    public static string Of(Type consumer) => Keys.GetOrAdd(consumer, type =>
        type.GetCustomAttribute<InboxKeyAttribute>()?.Key is { Length: > 0 } key
            ? Expand(key, type)
            : throw new InvalidOperationException(
                $"{type.FullName} declares no [InboxKey(\"…\")]: its inbox would follow the class name."));

    private static string Expand(string key, Type type)
    {
        if (!key.Contains(EventPlaceholder, StringComparison.Ordinal)) return key;
        return type is { IsConstructedGenericType: true, GenericTypeArguments: [var message] }
            ? key.Replace(EventPlaceholder, message.Name, StringComparison.Ordinal)
            : throw new InvalidOperationException(
                $"{type.FullName} has {EventPlaceholder} in its inbox key but is not a consumer closed over one event type.");
    }
}
