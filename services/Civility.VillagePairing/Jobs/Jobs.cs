using Civility.Hosting.Jobs;
using Civility.ServiceDefaults.Time;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Civility.VillagePairing.Endpoints;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Time;

namespace Civility.VillagePairing.Jobs;

/// <summary>Marks creation tasks whose deadline passed before they were done as overdue.</summary>
public sealed class CreationTaskOverdueJob(IServiceScopeFactory scopes, ILogger<CreationTaskOverdueJob> logger, TimeProvider clock)
    : SingleInstanceJob<PairingDbContext>(scopes, logger)
{
    protected override string Name => "pairing-creation-task-overdue";

    protected override async Task RunOnceAsync(PairingDbContext db, CancellationToken cancellationToken)
    {
        var today = clock.CountyToday();
        var late = await db.CreationTasks
            .Where(t => (t.Status == CreationTaskStatus.Open || t.Status == CreationTaskStatus.InProgress) && t.Deadline < today)
            .Take(500).ToListAsync(cancellationToken);
        foreach (var task in late) task.MarkOverdueIfLate(today);
    }
}

/// <summary>A title whose review deadline passed without a renewal lapses (到期失效), announced like any change.</summary>
public sealed class TitleLapseJob(IServiceScopeFactory scopes, ILogger<TitleLapseJob> logger, TimeProvider clock)
    : SingleInstanceJob<PairingDbContext>(scopes, logger)
{
    protected override string Name => "pairing-title-lapse";

    protected override async Task RunOnceAsync(PairingDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = CountyClock.CountyDate(now);
        var missed = await db.CivilizedUnits
            .Where(u => u.Status != TitleStatus.Revoked && u.Status != TitleStatus.Lapsed && u.ReviewDeadline < today)
            .Take(500).ToListAsync(cancellationToken);
        foreach (var unit in missed) CivilizedUnitsApi.Announce(db, unit, unit.Lapse(today, now), clock);
    }
}

public static class JobRegistration
{
    public static IServiceCollection AddPairingJobs(this IServiceCollection services) =>
        services.AddSingleInstanceJob<CreationTaskOverdueJob>().AddSingleInstanceJob<TitleLapseJob>()
            .AddSingleInstanceJob<ContactPhoneBackfillJob>();
}
