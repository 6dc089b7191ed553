using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Jobs;

/// <summary>The objectors' phones stored in clear by an earlier version (see <see cref="ClearPhoneBackfillJob{TContext}"/>).</summary>
public sealed class ObjectionPhoneBackfillJob(
    IServiceScopeFactory scopes, ILogger<ObjectionPhoneBackfillJob> logger, PersonalDataProtector protector)
    : ClearPhoneBackfillJob<MoralModelsDbContext>(scopes, logger, protector)
{
    protected override string Name => "moral-models-objection-phone-backfill";

    protected override string ClearColumn => ObjectionConfiguration.LegacyClearPhone;

    protected override string What => "objection phones";

    protected override async Task<IReadOnlyList<ClearPhone>> PendingAsync(MoralModelsDbContext db, CancellationToken cancellationToken)
    {
        var objections = await db.Objections
            .Where(o => EF.Property<string?>(o, ObjectionConfiguration.LegacyClearPhone) != null)
            .OrderBy(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
        return objections.Select(o => new ClearPhone(o, o.ProtectLegacyPhone)).ToList();
    }
}
