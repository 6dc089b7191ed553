using Civility.Hosting.Jobs;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Jobs;

/// <summary>
/// Encrypts the objectors' phones stored in clear before phones were protected, and empties the clear column, a batch
/// a round. A migration cannot do it (the key is the application's), so the application does, at start and then on a
/// schedule: while an older replica still runs during a rolling update it may write a clear phone, and the next round
/// protects that one too. Safe with several replicas (one at a time, under the job's advisory lock) and idempotent: a
/// row whose clear column is empty is done and is never read again. The clear column is dropped by a later migration,
/// once every replica runs this version and a round finds nothing left.
/// </summary>
public sealed class ObjectionPhoneBackfillJob(IServiceScopeFactory scopes, ILogger<ObjectionPhoneBackfillJob> logger, PersonalDataProtector protector)
    : SingleInstanceJob<MoralModelsDbContext>(scopes, logger)
{
    private const int BatchSize = 200;

    protected override string Name => "moral-models-objection-phone-backfill";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunOnceAsync(MoralModelsDbContext db, CancellationToken cancellationToken)
    {
        var objections = await db.Objections
            .Where(o => EF.Property<string?>(o, ObjectionConfiguration.LegacyClearPhone) != null)
            .OrderBy(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var objection in objections)
        {
            var clear = db.Entry(objection).Property<string?>(ObjectionConfiguration.LegacyClearPhone);
            if (clear.CurrentValue is not { } phone) continue;
            // A blank value has nothing to protect: it is only emptied, so the row is not read again.
            if (!string.IsNullOrWhiteSpace(phone)) objection.ProtectLegacyPhone(protector.ProtectPhone(phone));
            clear.CurrentValue = null;
        }
        if (objections.Count > 0) logger.LogInformation("Protected {Count} objection phones stored in clear", objections.Count);
    }
}
