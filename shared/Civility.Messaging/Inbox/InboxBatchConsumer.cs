using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Inbox;

/// <summary>
/// The batch form of <see cref="InboxConsumer{TMessage,TContext}"/>, for high-volume messages: a batch is applied in
/// one transaction, with one query for the messages already applied and one save for the inbox rows and the changes.
/// A message delivered twice (in the batch, or applied before) has no second effect. If a concurrent delivery applies
/// one of them first, the save fails on the inbox key and the retry applies the rest.
/// </summary>
public abstract class InboxBatchConsumer<TMessage, TContext>(TContext db, TimeProvider clock) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The consumer's <see cref="InboxKeyAttribute"/>: stays when the class is renamed.</summary>
    private string ConsumerName => InboxKeyAttribute.Of(GetType());

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var deliveries = context.Message
            .Select(delivery => (Id: InboxMessage.IdOf(delivery), Delivery: delivery))
            .DistinctBy(d => d.Id)
            .ToList();
        var ids = deliveries.Select(d => d.Id).ToList();
        var applied = (await Db.Set<InboxMessage>()
            .Where(m => m.Consumer == ConsumerName && ids.Contains(m.MessageId))
            .Select(m => m.MessageId)
            .ToListAsync(context.CancellationToken)).ToHashSet();
        var now = Clock.GetUtcNow();
        var fresh = deliveries.Where(d => !applied.Contains(d.Id)).Select(d => d.Delivery).ToList();
        if (fresh.Count == 0) return;
        foreach (var delivery in fresh)
            Db.Set<InboxMessage>().Add(InboxMessage.For(delivery, ConsumerName, now));
        await HandleAsync(fresh, context);
        await Db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Applies the messages not applied before to <see cref="Db"/>; do not call SaveChanges, the base class does.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, ConsumeContext<Batch<TMessage>> context);
}

public static class InboxBatches
{
    /// <summary>Messages per batch, one transaction each.</summary>
    public const int MessageLimit = 100;

    /// <summary>
    /// Delivers a batch consumer's messages in batches of up to <see cref="MessageLimit"/>, waiting at most 20 ms for a
    /// batch to fill, with at most <paramref name="concurrencyLimit"/> batches at once: one when batches update the
    /// same rows (they would otherwise conflict and be retried).
    /// </summary>
    public static void ConsumeInBatches<TConsumer>(this IConsumerConfigurator<TConsumer> consumer, int concurrencyLimit)
        where TConsumer : class, IConsumer =>
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeSpan.FromMilliseconds(20))
            .SetConcurrencyLimit(concurrencyLimit));
}
