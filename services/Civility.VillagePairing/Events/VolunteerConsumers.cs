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

/// <summary>
/// Adds approved hours to the unit's year: the numerator of its per-capita hours. Approvals come in bursts (a bulk
/// approval raises hundreds at once) and land on a few rows, one per unit and year: taken one by one, concurrent
/// messages conflicted on those rows and were retried over and over. A batch adds each unit's sum once, and batches
/// run one at a time.
/// </summary>
public sealed class ServiceHoursApprovedConsumer(PairingDbContext db, TimeProvider clock)
    : InboxBatchConsumer<ServiceHoursApproved, PairingDbContext>(db, clock)
{
    /// <summary>The name its inbox rows were written under when it took one message at a time.</summary>
    protected override string ConsumerName => nameof(ServiceHoursApprovedConsumer);

    protected override async Task HandleAsync(IReadOnlyList<ConsumeContext<ServiceHoursApproved>> messages,
        ConsumeContext<Batch<ServiceHoursApproved>> context)
    {
        var sums = messages.Select(m => m.Message).GroupBy(m => (m.UnitCode, m.ServiceDate.Year)).OrderBy(g => g.Key);
        foreach (var sum in sums)
            (await UnitStats.ForAsync(Db, sum.Key.UnitCode, sum.Key.Year, context.CancellationToken)).AddHours(sum.Sum(m => m.Hours));
    }
}

public sealed class ServiceHoursApprovedConsumerDefinition : ConsumerDefinition<ServiceHoursApprovedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ServiceHoursApprovedConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.ConsumeInBatches(concurrencyLimit: 1);
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
