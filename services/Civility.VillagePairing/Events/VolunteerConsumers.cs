using Civility.Contracts.Volunteers;
using Civility.Messaging.Inbox;
using Civility.VillagePairing.Application.UnitFigures;
using Civility.VillagePairing.Data;
using MassTransit;

namespace Civility.VillagePairing.Events;

[InboxKey("UnitTargetsChangedConsumer")]
public sealed class UnitTargetsChangedConsumer(PairingDbContext db, TimeProvider clock, RecordUnitFigures record)
    : InboxConsumer<UnitTargetsChanged, PairingDbContext>(db, clock)
{
    protected override Task HandleAsync(UnitTargetsChanged message, ConsumeContext<UnitTargetsChanged> context) =>
        record.ExecuteAsync(message, context.CancellationToken);
}
