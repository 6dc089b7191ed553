using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Application.CreationTasks;

/// <summary>Hands a creation task (创建任务) down to units, with its basis and deadline.</summary>
public sealed class HandDownTask(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<CreationTask> ExecuteAsync(
        string title, string basis, DateOnly deadline, IReadOnlyList<string> unitCodes, CancellationToken ct)
    {
        var task = new CreationTask(title, basis, deadline, unitCodes, clock.GetUtcNow());
        db.CreationTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return task;
    }
}
