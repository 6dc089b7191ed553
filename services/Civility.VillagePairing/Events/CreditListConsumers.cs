using Civility.Contracts.CreditList;
using Civility.Messaging.Inbox;
using Civility.VillagePairing.Application.CivilizedUnits;
using Civility.VillagePairing.Data;
using MassTransit;

namespace Civility.VillagePairing.Events;

[InboxKey("SubjectBlacklistedConsumer")]
public sealed class SubjectBlacklistedConsumer(PairingDbContext db, TimeProvider clock, VetoTitle veto)
    : InboxConsumer<SubjectBlacklisted, PairingDbContext>(db, clock)
{
    protected override Task HandleAsync(SubjectBlacklisted message, ConsumeContext<SubjectBlacklisted> context) =>
        veto.ExecuteAsync(message, context.CancellationToken);
}

[InboxKey("ListingLiftedConsumer")]
public sealed class ListingLiftedConsumer(PairingDbContext db, TimeProvider clock, NoteListingLifted note)
    : InboxConsumer<ListingLifted, PairingDbContext>(db, clock)
{
    protected override Task HandleAsync(ListingLifted message, ConsumeContext<ListingLifted> context) =>
        note.ExecuteAsync(message, context.CancellationToken);
}
