using Civility.Contracts.MoralModels;
using Civility.CreditList.Application.Entries;
using Civility.CreditList.Data;
using Civility.Messaging.Inbox;
using MassTransit;

namespace Civility.CreditList.Events;

/// <summary>A commended moral model may be put on the red list: <see cref="ProposeFromCommendation"/>, once per message.</summary>
[InboxKey("model-commended")]
public sealed class ModelCommendedConsumer(CreditDbContext db, TimeProvider clock, ProposeFromCommendation propose)
    : InboxConsumer<ModelCommended, CreditDbContext>(db, clock)
{
    protected override Task HandleAsync(ModelCommended message, ConsumeContext<ModelCommended> context) =>
        propose.ExecuteAsync(message, context.CancellationToken);
}
