using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>Declines pending hours with a reason.</summary>
public sealed class DeclineServiceRecord(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ServiceRecord> ExecuteAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        await db.DecideAsync(caller, id, (record, _, _) =>
        {
            record.Decline(reason, caller.Actor, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
}
