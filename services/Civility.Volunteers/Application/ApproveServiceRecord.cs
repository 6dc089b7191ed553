using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Application;

/// <summary>Approves pending hours: they count from now on, and star levels may be reached.</summary>
public sealed class ApproveServiceRecord(VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits)
    : IUseCase
{
    public async Task<ServiceRecord> ExecuteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.DecideAsync(caller, id, (record, volunteer, ct) =>
            db.ApproveAsync(record, volunteer, limits.Value, caller.Actor, inBulk: false, clock.GetUtcNow(), ct), cancellationToken);
}
