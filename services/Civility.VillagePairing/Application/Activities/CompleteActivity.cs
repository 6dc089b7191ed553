using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Application.Activities;

/// <summary>
/// Completes an activity on or after its date; the volunteer service hears of it once and credits the hours. Two
/// requests completing it at once: the row version lets one through, the other gets 409 and announces nothing.
/// </summary>
public sealed class CompleteActivity(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<PairingActivity> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var activity = await db.ActivityAsync(id, caller, ct);
        var now = clock.GetUtcNow();
        activity.Complete(CountyClock.CountyDate(now), now);
        await db.SaveChangesAsync(ct);
        return activity;
    }
}
