using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Civility.Contracts;

namespace Civility.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the change it announces.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    /// <summary>The event's id, and the MassTransit MessageId it is published with.</summary>
    public Guid Id { get; private set; }

    /// <summary>Write order: the relay publishes in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>Type name and assembly, without version, so a redeploy still reads old rows.</summary>
    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>W3C trace context of the request that made the change, so publish and consume join its trace.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Failed publishes of this row that were its own (the broker took others, or the row could not be read).</summary>
    public int Attempts { get; private set; }

    /// <summary>
    /// Set aside after <see cref="OutboxOptions.ParkAfterAttempts"/> failed attempts; the relay skips it until re-queued.
    /// </summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public string? LastError { get; private set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage For(IntegrationEvent message, DateTimeOffset now)
    {
        var type = message.GetType();
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = message.EventId,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
        };
    }

    public (object Message, Type Type) Deserialize()
    {
        var type = Types.GetOrAdd(MessageType, name => Type.GetType(name, throwOnError: true)!);
        return (JsonSerializer.Deserialize(Body, type, Json)!, type);
    }

    // Resolving a type by name parses and searches every time; a service has a handful of event types.
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    /// <summary>What is kept of a failed publish's error (the column holds 2,000 characters).</summary>
    public static string ErrorText(string error) => error.Length > 2000 ? error[..2000] : error;
}
