using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Application.Ledger;

/// <summary>Pledges people, money (CNY) or materials to a pairing (帮扶台账).</summary>
public sealed class PledgeResources(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Pledge> ExecuteAsync(
        Guid pairingId, ResourceKind kind, string item, decimal quantity, string unitOfMeasure, DateOnly dueDate, CancellationToken ct)
    {
        var pairing = await db.PairingAsync(pairingId, caller, ct);
        var pledge = new Pledge(pairing, kind, item, quantity, unitOfMeasure, dueDate, clock.GetUtcNow());
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(ct);
        return pledge;
    }
}
