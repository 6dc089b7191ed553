using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CreationTasks;

/// <summary>Tasks whose deadline passed in the county before they were done become overdue; a batch per run.</summary>
public sealed class MarkTasksOverdue(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public const int BatchSize = 500;

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var today = clock.CountyToday();
        var late = await db.CreationTasks
            .Where(t => (t.Status == CreationTaskStatus.Open || t.Status == CreationTaskStatus.InProgress) && t.Deadline < today)
            .Take(BatchSize).ToListAsync(ct);
        foreach (var task in late) task.MarkOverdueIfLate(today);
        await db.SaveChangesAsync(ct);
    }
}
