using Civility.Contracts.VillagePairing;
using Civility.Messaging.Inbox;
using Civility.Volunteers.Application;
using Civility.Volunteers.Data;
using MassTransit;

namespace Civility.Volunteers.Events;

/// <summary>
/// Credits the participants of a completed pairing activity with its hours (<see cref="CreditPairingActivityHours"/>),
/// once per message.
/// </summary>
[InboxKey("PairingActivityCompletedConsumer")]
public sealed class PairingActivityCompletedConsumer(VolunteersDbContext db, TimeProvider clock, CreditPairingActivityHours creditHours)
    : InboxConsumer<PairingActivityCompleted, VolunteersDbContext>(db, clock)
{
    protected override Task HandleAsync(PairingActivityCompleted message, ConsumeContext<PairingActivityCompleted> context) =>
        creditHours.ExecuteAsync(message, context.CancellationToken);
}
