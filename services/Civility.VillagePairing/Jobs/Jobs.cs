using Civility.Hosting.Jobs;
using Civility.VillagePairing.Application.CivilizedUnits;
using Civility.VillagePairing.Application.CreationTasks;
using Civility.VillagePairing.Data;

namespace Civility.VillagePairing.Jobs;

/// <summary>Marks creation tasks whose deadline passed before they were done as overdue.</summary>
public sealed class CreationTaskOverdueJob(IServiceScopeFactory scopes, ILogger<CreationTaskOverdueJob> logger)
    : SingleInstanceJob<PairingDbContext>(scopes, logger)
{
    protected override string Name => "pairing-creation-task-overdue";

    protected override Task RunOnceAsync(IServiceProvider services, PairingDbContext db, CancellationToken cancellationToken) =>
        services.GetRequiredService<MarkTasksOverdue>().ExecuteAsync(cancellationToken);
}

/// <summary>A title whose review deadline passed without a renewal lapses (到期失效), announced like any change.</summary>
public sealed class TitleLapseJob(IServiceScopeFactory scopes, ILogger<TitleLapseJob> logger)
    : SingleInstanceJob<PairingDbContext>(scopes, logger)
{
    protected override string Name => "pairing-title-lapse";

    protected override Task RunOnceAsync(IServiceProvider services, PairingDbContext db, CancellationToken cancellationToken) =>
        services.GetRequiredService<LapseTitles>().ExecuteAsync(cancellationToken);
}

public static class JobRegistration
{
    public static IServiceCollection AddPairingJobs(this IServiceCollection services) =>
        services.AddSingleInstanceJob<CreationTaskOverdueJob>().AddSingleInstanceJob<TitleLapseJob>()
            .AddSingleInstanceJob<ContactPhoneBackfillJob>();
}
