using Civility.Contracts.VillagePairing;
using Civility.Contracts.Volunteers;
using Civility.Messaging.Inbox;
using Civility.MoralModels.Application.Units;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using MassTransit;

namespace Civility.MoralModels.Events;

/// <summary>The volunteer service owns the bureau's units: its word on a unit's name and credit code is the one kept.</summary>
[InboxKey("UnitDetailsChangedConsumer")]
public sealed class UnitDetailsChangedConsumer(MoralModelsDbContext db, TimeProvider clock, RememberUnit remember)
    : InboxConsumer<UnitDetailsChanged, MoralModelsDbContext>(db, clock)
{
    protected override Task HandleAsync(UnitDetailsChanged message, ConsumeContext<UnitDetailsChanged> context) =>
        remember.ExecuteAsync(message.UnitCode, message.UnitName, message.CreditCode, KnownUnit.FromVolunteers, context.CancellationToken);
}

/// <summary>A civilized unit carries its credit code: it fills in a unit the volunteer service has not described.</summary>
[InboxKey("CivilizedUnitStatusChangedConsumer")]
public sealed class CivilizedUnitStatusChangedConsumer(MoralModelsDbContext db, TimeProvider clock, RememberUnit remember)
    : InboxConsumer<CivilizedUnitStatusChanged, MoralModelsDbContext>(db, clock)
{
    protected override Task HandleAsync(CivilizedUnitStatusChanged message, ConsumeContext<CivilizedUnitStatusChanged> context) =>
        remember.ExecuteAsync(message.UnitCode, message.UnitName, message.CreditCode, KnownUnit.FromPairing, context.CancellationToken);
}
