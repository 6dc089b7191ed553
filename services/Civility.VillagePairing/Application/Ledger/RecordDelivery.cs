using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Ledger;

/// <summary>
/// Records a delivery against a pledge, with evidence. Two deliveries racing on one pledge: the loser gets 409 and
/// must re-read what is outstanding (a retry on its own could deliver more than was pledged).
/// </summary>
public sealed class RecordDelivery(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<(Pledge Pledge, Delivery Delivery)> ExecuteAsync(
        Guid pairingId, Guid pledgeId, decimal quantity, DateOnly date, string evidence, CancellationToken ct)
    {
        await db.PairingAsync(pairingId, caller, ct);
        var pledge = (await db.Pledges.FirstOrDefaultAsync(p => p.Id == pledgeId && p.PairingId == pairingId, ct)).OrNotFound("pledge");
        var delivery = pledge.Deliver(quantity, date, evidence, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (pledge, delivery);
    }
}
