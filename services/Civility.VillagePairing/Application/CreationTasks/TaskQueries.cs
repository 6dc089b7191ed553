using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CreationTasks;

/// <summary>Tasks by status, by deadline (a unit sees those assigned to it); overdue ones are the office's worklist.</summary>
public sealed class ListTasks(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<CreationTask>> ExecuteAsync(CreationTaskStatus? status, PageRequest paging, CancellationToken ct)
    {
        var query = db.Tasks(caller);
        if (status is { } s) query = query.Where(t => t.Status == s);
        return paging.ApplyAsync(query.AsNoTracking().OrderBy(t => t.Deadline).ThenBy(t => t.Id), t => t, ct);
    }
}

public sealed class GetTask(PairingDbContext db, CallerContext caller) : IUseCase
{
    public async Task<CreationTask> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await db.Tasks(caller).FirstOrDefaultAsync(t => t.Id == id, ct)).OrNotFound("task");
}
