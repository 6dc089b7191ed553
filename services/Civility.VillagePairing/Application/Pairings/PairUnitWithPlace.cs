using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Pairings;

/// <summary>Pairs a civilized unit with a village or a community (结对共建); one active pairing per unit and place.</summary>
public sealed class PairUnitWithPlace(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Pairing> ExecuteAsync(
        Guid civilizedUnitId, Guid placeId, DateOnly from, DateOnly until, string goals, IReadOnlyList<PairingContact> contacts,
        CancellationToken ct)
    {
        var unit = await db.TitleAsync(civilizedUnitId, caller, ct);
        var place = (await db.Places.FirstOrDefaultAsync(p => p.Id == placeId, ct)).OrNotFound("village or community");
        if (await db.Pairings.AnyAsync(p => p.CivilizedUnitId == unit.Id && p.PlaceId == place.Id && p.Status == PairingStatus.Active, ct))
            throw DomainRuleException.Conflict("This unit is already paired with this place.");
        var pairing = new Pairing(unit, place, from, until, goals, contacts, clock.GetUtcNow());
        db.Pairings.Add(pairing);
        await db.SaveChangesAsync(ct);
        return pairing;
    }
}
