using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Application.CivilizedUnits;

/// <summary>An admin's explicit action on a title (warn, order rectification, restore, revoke, renew), with a reason.</summary>
public sealed class ActOnTitle(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<CivilizedUnit> ExecuteAsync(Guid id, TitleAction action, string reason, int termYears, CancellationToken ct)
    {
        var unit = await db.TitleAsync(id, caller, ct);
        unit.Apply(action, caller.Actor, reason, clock.GetUtcNow(), termYears);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
