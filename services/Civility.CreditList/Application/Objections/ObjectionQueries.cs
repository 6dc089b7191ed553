using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Objections;

public sealed class GetObjection(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<ObjectionView> ExecuteAsync(Guid id, CancellationToken ct) =>
        new((await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)).OrNotFound("objection"), clock.CountyToday());
}

/// <summary>Objections by status and entry, or those past their decision date, soonest due first.</summary>
public sealed class ListObjections(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<PagedResult<ObjectionView>> ExecuteAsync(ObjectionStatus? status, bool? overdue, Guid? entryId, PageRequest paging,
        CancellationToken ct)
    {
        var today = clock.CountyToday();
        var query = db.Objections.AsNoTracking();
        if (status is { } s) query = query.Where(o => o.Status == s);
        if (entryId is { } e) query = query.Where(o => o.EntryId == e);
        if (overdue == true) query = query.Where(o => o.Status == ObjectionStatus.Pending && o.DecideBy < today);
        var page = await paging.ApplyAsync(query.OrderBy(o => o.DecideBy).ThenBy(o => o.Id), o => o, ct);
        return new PagedResult<ObjectionView>(page.Items.Select(o => new ObjectionView(o, today)).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}
