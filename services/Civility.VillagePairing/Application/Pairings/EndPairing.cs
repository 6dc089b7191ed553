using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Application.Pairings;

/// <summary>Ends a pairing with a reason; it is kept (the ledger and the activities hang on it).</summary>
public sealed class EndPairing(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Pairing> ExecuteAsync(Guid id, string reason, CancellationToken ct)
    {
        var pairing = await db.PairingAsync(id, caller, ct);
        pairing.End(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return pairing;
    }
}
