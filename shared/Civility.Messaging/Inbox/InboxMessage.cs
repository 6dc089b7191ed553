namespace Civility.Messaging.Inbox;

/// <summary>
/// A message a consumer has applied, keyed by (message id, consumer) and written in the same transaction as the
/// consumer's own change: a redelivery finds it and has no second effect.
/// </summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    public InboxMessage(Guid messageId, string consumer, string messageType, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        MessageType = messageType;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = "";

    public string MessageType { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}
