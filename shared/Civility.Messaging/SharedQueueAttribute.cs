namespace Civility.Messaging;

/// <summary>
/// Puts a consumer on a queue it shares with other consumers of the service, <c>{service}-{name}</c>, instead of a
/// queue of its own: one queue for many event types, taken in the order the broker hands them over (the webhook
/// service's consumer of every event). Each consumer on it still binds its own event's exchange and keeps its own
/// inbox key; retries, delay queues and <c>_error</c> are the shared queue's.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SharedQueueAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
