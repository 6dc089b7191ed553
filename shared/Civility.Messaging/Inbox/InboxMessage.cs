using MassTransit;

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

    /// <summary>The inbox row for one delivery; a message without a MessageId cannot be de-duplicated and is refused.</summary>
    internal static InboxMessage For<TMessage>(ConsumeContext<TMessage> delivery, string consumer, DateTimeOffset now)
        where TMessage : class =>
        new(IdOf(delivery), consumer, typeof(TMessage).Name, now);

    internal static Guid IdOf<TMessage>(ConsumeContext<TMessage> delivery) where TMessage : class =>
        delivery.MessageId ?? throw new InvalidOperationException(
            $"{typeof(TMessage).Name} arrived without a MessageId; it cannot be de-duplicated.");

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = "";

    public string MessageType { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}
