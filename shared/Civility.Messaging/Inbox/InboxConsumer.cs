using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civility.Messaging.Inbox;

/// <summary>
/// A consumer that applies each message at most once: the inbox row and the consumer's change are saved together,
/// so a redelivered or duplicated message (same MessageId) is acknowledged with no second effect. Events the
/// handler adds to the outbox commit in that same save, in one transaction with everything the handler read.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The consumer's <see cref="InboxKeyAttribute"/>: stays when the class is renamed.</summary>
    private string ConsumerName => InboxKeyAttribute.Of(GetType());

    public Task Consume(ConsumeContext<TMessage> context) =>
        // One transaction for the handler's reads, its changes and the inbox row: a handler that reads a total and
        // changes it, or locks rows to decide, holds what it read until the commit. A transient failure runs the
        // whole message again from the start.
        Db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
        {
            Db.ChangeTracker.Clear();
            var messageId = InboxMessage.IdOf(context);
            await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
            if (await Db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, cancellationToken))
                return;
            Db.Set<InboxMessage>().Add(InboxMessage.For(context, ConsumerName, Clock.GetUtcNow()));
            await HandleAsync(context.Message, context);
            try
            {
                await Db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException
            {
                SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: MessagingModel.InboxPrimaryKey,
            })
            {
                // A concurrent delivery of the same message won the race and applied it; this one changes nothing
                // (the transaction is rolled back as it is disposed).
                return;
            }
            await transaction.CommitAsync(cancellationToken);
        }, context.CancellationToken);

    /// <summary>Applies the message to <see cref="Db"/>; do not call SaveChanges, the base class does.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
