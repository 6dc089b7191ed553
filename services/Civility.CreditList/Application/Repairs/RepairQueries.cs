using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Repairs;

/// <summary>Repair applications by status and entry, or those past their decision date, soonest due first.</summary>
public sealed class ListRepairs(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public Task<PagedResult<RepairApplication>> ExecuteAsync(RepairStatus? status, Guid? entryId, bool? overdue, PageRequest paging,
        CancellationToken ct)
    {
        var query = db.Repairs.AsNoTracking();
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (entryId is { } e) query = query.Where(r => r.EntryId == e);
        var today = clock.CountyToday();
        if (overdue == true) query = query.Where(r => r.Status == RepairStatus.Submitted && r.DecideBy < today);
        return paging.ApplyAsync(query.OrderBy(r => r.DecideBy).ThenBy(r => r.Id), r => r, ct);
    }
}

/// <summary>An application found by its query code, for anyone who holds the code (read out over the phone, any case).</summary>
public sealed class FollowRepair(CreditDbContext db) : IUseCase
{
    public async Task<RepairApplication> ExecuteAsync(string queryCode, CancellationToken ct)
    {
        var normalized = queryCode.Trim().ToUpperInvariant();
        return (await db.Repairs.AsNoTracking().FirstOrDefaultAsync(r => r.QueryCode == normalized, ct)).OrNotFound("repair application");
    }
}
