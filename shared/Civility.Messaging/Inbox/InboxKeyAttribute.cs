using System.Collections.Concurrent;
using System.Reflection;

namespace Civility.Messaging.Inbox;

/// <summary>
/// The name a consumer's applied messages are kept under in its inbox. Written out, not taken from the class name: a
/// renamed class with a new key would apply every message it ever consumed once more. Never change a key in use.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InboxKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;

    private static readonly ConcurrentDictionary<Type, string> Keys = new();

    /// <summary>The key a consumer class declares; a consumer without one cannot run.</summary>
    public static string Of(Type consumer) => Keys.GetOrAdd(consumer, type =>
        type.GetCustomAttribute<InboxKeyAttribute>()?.Key is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException($"{type.FullName} declares no [InboxKey(\"…\")]: its inbox would follow the class name."));
}
