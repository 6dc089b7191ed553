using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>Voids a wrong approved record with a reason (records are never edited or deleted); its hours stop counting.</summary>
public sealed class VoidServiceRecord(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ServiceRecord> ExecuteAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        await db.DecideAsync(caller, id, (record, volunteer, _) =>
        {
            volunteer.VoidHours(record, reason, caller.Actor, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
}
