using Civility.Contracts.CreditList;
using Civility.Messaging.Inbox;
using Civility.MoralModels.Application.CreditListings;
using Civility.MoralModels.Data;
using MassTransit;

namespace Civility.MoralModels.Events;

[InboxKey("SubjectBlacklistedConsumer")]
public sealed class SubjectBlacklistedConsumer(MoralModelsDbContext db, TimeProvider clock, SuspendForBlacklisting suspend)
    : InboxConsumer<SubjectBlacklisted, MoralModelsDbContext>(db, clock)
{
    protected override Task HandleAsync(SubjectBlacklisted message, ConsumeContext<SubjectBlacklisted> context) =>
        suspend.ExecuteAsync(message, context.CancellationToken);
}

[InboxKey("ListingLiftedConsumer")]
public sealed class ListingLiftedConsumer(MoralModelsDbContext db, TimeProvider clock, NoteListingLifted note)
    : InboxConsumer<ListingLifted, MoralModelsDbContext>(db, clock)
{
    protected override Task HandleAsync(ListingLifted message, ConsumeContext<ListingLifted> context) =>
        note.ExecuteAsync(message, context.CancellationToken);
}
