using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Activities;

public sealed class ListActivities(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<PairingActivity>> ExecuteAsync(
        Guid? pairingId, Guid? civilizedUnitId, ActivityStatus? status, PageRequest paging, CancellationToken ct)
    {
        var query = db.Activities.AsNoTracking().Where(a => !caller.IsUnitScoped || a.UnitCode == caller.UnitId);
        if (pairingId is { } p) query = query.Where(a => a.PairingId == p);
        if (civilizedUnitId is { } u) query = query.Where(a => a.CivilizedUnitId == u);
        if (status is { } s) query = query.Where(a => a.Status == s);
        return paging.ApplyAsync(query.OrderByDescending(a => a.Date).ThenBy(a => a.Id), a => a, ct);
    }
}

public sealed class GetActivity(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<PairingActivity> ExecuteAsync(Guid id, CancellationToken ct) => db.ActivityAsync(id, caller, ct);
}
