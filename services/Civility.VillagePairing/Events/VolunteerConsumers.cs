using Civility.Contracts.Volunteers;
using Civility.Messaging.Inbox;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Events;

/// <summary>Counts a unit's registered staff volunteers: the numerator of its registration rate.</summary>
public sealed class VolunteerRegisteredConsumer(PairingDbContext db, TimeProvider clock)
    : InboxConsumer<VolunteerRegistered, PairingDbContext>(db, clock)
{
    protected override async Task HandleAsync(VolunteerRegistered message, ConsumeContext<VolunteerRegistered> context)
    {
        if (await Db.KnownVolunteers.AnyAsync(v => v.VolunteerId == message.VolunteerId, context.CancellationToken)) return;
        Db.KnownVolunteers.Add(new KnownVolunteer(message.VolunteerId, message.UnitCode, message.IsStaffOfUnit, message.OccurredAt));
    }
}

/// <summary>Adds approved hours to the unit's year: the numerator of its per-capita hours.</summary>
public sealed class ServiceHoursApprovedConsumer(PairingDbContext db, TimeProvider clock)
    : InboxConsumer<ServiceHoursApproved, PairingDbContext>(db, clock)
{
    protected override async Task HandleAsync(ServiceHoursApproved message, ConsumeContext<ServiceHoursApproved> context) =>
        (await UnitStats.ForAsync(Db, message.UnitCode, message.ServiceDate.Year, context.CancellationToken)).AddHours(message.Hours);
}

/// <summary>The unit's staff headcount for a year: the denominator of both rates.</summary>
public sealed class UnitHeadcountSetConsumer(PairingDbContext db, TimeProvider clock)
    : InboxConsumer<UnitHeadcountSet, PairingDbContext>(db, clock)
{
    protected override async Task HandleAsync(UnitHeadcountSet message, ConsumeContext<UnitHeadcountSet> context) =>
        (await UnitStats.ForAsync(Db, message.UnitCode, message.Year, context.CancellationToken)).SetHeadcount(message.Headcount);
}

internal static class UnitStats
{
    public static async Task<UnitYearStats> ForAsync(PairingDbContext db, string unitCode, int year, CancellationToken cancellationToken)
    {
        if (await db.UnitYearStats.FirstOrDefaultAsync(s => s.UnitCode == unitCode && s.Year == year, cancellationToken) is { } stats)
            return stats;
        stats = new UnitYearStats(unitCode, year);
        db.UnitYearStats.Add(stats);
        return stats;
    }
}
