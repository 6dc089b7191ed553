using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CreationTasks;

/// <summary>Files a unit's evidence for a task assigned to it.</summary>
public sealed class FileEvidence(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<CreationTask> ExecuteAsync(Guid id, string unitCode, string evidence, CancellationToken ct)
    {
        var task = (await db.Tasks(caller).FirstOrDefaultAsync(t => t.Id == id, ct)).OrNotFound("task");
        task.SubmitEvidence(unitCode, evidence, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return task;
    }
}
