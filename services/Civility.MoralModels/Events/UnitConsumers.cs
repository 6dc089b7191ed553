using Civility.Contracts.VillagePairing;
using Civility.Contracts.Volunteers;
using Civility.Messaging.Inbox;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Identifiers;

namespace Civility.MoralModels.Events;

/// <summary>The volunteer service owns the bureau's units: its word on a unit's name and credit code is the one kept.</summary>
[InboxKey("UnitDetailsChangedConsumer")]
public sealed class UnitDetailsChangedConsumer(MoralModelsDbContext db, TimeProvider clock)
    : InboxConsumer<UnitDetailsChanged, MoralModelsDbContext>(db, clock)
{
    protected override Task HandleAsync(UnitDetailsChanged message, ConsumeContext<UnitDetailsChanged> context) =>
        KnownUnits.RememberAsync(Db, message.UnitCode, message.UnitName, message.CreditCode, KnownUnit.FromVolunteers, Clock.GetUtcNow(),
            context.CancellationToken);
}

/// <summary>A civilized unit carries its credit code: it fills in a unit the volunteer service has not described.</summary>
[InboxKey("CivilizedUnitStatusChangedConsumer")]
public sealed class CivilizedUnitStatusChangedConsumer(MoralModelsDbContext db, TimeProvider clock)
    : InboxConsumer<CivilizedUnitStatusChanged, MoralModelsDbContext>(db, clock)
{
    protected override Task HandleAsync(CivilizedUnitStatusChanged message, ConsumeContext<CivilizedUnitStatusChanged> context) =>
        KnownUnits.RememberAsync(Db, message.UnitCode, message.UnitName, message.CreditCode, KnownUnit.FromPairing, Clock.GetUtcNow(),
            context.CancellationToken);
}

internal static class KnownUnits
{
    public static async Task RememberAsync(MoralModelsDbContext db, string unitCode, string name, string? creditCode, string source,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = unitCode.Trim().ToUpperInvariant();
        var normalizedCredit = creditCode is null ? null : UnifiedSocialCreditCode.Normalize(creditCode);
        if (await db.Units.FirstOrDefaultAsync(u => u.UnitCode == code, cancellationToken) is { } known)
            known.Update(name, normalizedCredit, source, now);
        else
            db.Units.Add(new KnownUnit(code, name, normalizedCredit, source, now));
    }
}
