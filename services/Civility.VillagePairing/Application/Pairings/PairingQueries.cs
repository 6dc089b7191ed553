using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Pairings;

public sealed class ListPairings(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<Pairing>> ExecuteAsync(
        Guid? civilizedUnitId, PlaceKind? kind, PairingStatus? status, PageRequest paging, CancellationToken ct)
    {
        var query = db.Pairings.AsNoTracking().Where(p => !caller.IsUnitScoped || p.UnitCode == caller.UnitId);
        if (civilizedUnitId is { } u) query = query.Where(p => p.CivilizedUnitId == u);
        if (kind is { } k) query = query.Where(p => p.PlaceKind == k);
        if (status is { } s) query = query.Where(p => p.Status == s);
        return paging.ApplyAsync(query.OrderBy(p => p.UnitCode).ThenBy(p => p.Id), p => p, ct);
    }
}

public sealed class GetPairing(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<Pairing> ExecuteAsync(Guid id, CancellationToken ct) => db.PairingAsync(id, caller, ct);
}
