using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Ledger;

/// <summary>A pairing's pledges, by due date.</summary>
public sealed class PairingLedger(PairingDbContext db, CallerContext caller) : IUseCase
{
    public async Task<IReadOnlyList<Pledge>> ExecuteAsync(Guid pairingId, CancellationToken ct)
    {
        await db.PairingAsync(pairingId, caller, ct);
        return await db.Pledges.AsNoTracking().Where(p => p.PairingId == pairingId).OrderBy(p => p.DueDate).ToListAsync(ct);
    }
}

/// <summary>A unit's pledges over all its pairings, by due date.</summary>
public sealed class UnitLedger(PairingDbContext db, CallerContext caller) : IUseCase
{
    public async Task<IReadOnlyList<Pledge>> ExecuteAsync(Guid civilizedUnitId, CancellationToken ct)
    {
        var unit = await db.TitleAsync(civilizedUnitId, caller, ct);
        return await db.Pledges.AsNoTracking().Where(p => p.UnitCode == unit.UnitCode).OrderBy(p => p.DueDate).ToListAsync(ct);
    }
}
