using Civility.Contracts.CreditList;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;

namespace Civility.VillagePairing.Application.CivilizedUnits;

/// <summary>
/// One-vote veto (一票否决): a black-listed unit's title is warned at once and its revocation proposed; an admin decides.
/// Saved by the inbox consumer's transaction.
/// </summary>
public sealed class VetoTitle(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public async Task ExecuteAsync(SubjectBlacklisted listing, CancellationToken ct)
    {
        if (await CreditSubjects.FindTitleAsync(db, listing.Subject, ct) is not { } unit) return;
        unit.Veto($"Black-listed ({listing.Tier}), decision {listing.DecisionNumber}: revocation proposed.", clock.GetUtcNow());
    }
}
