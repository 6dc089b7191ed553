using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;

namespace Civility.VillagePairing.Application.Activities;

/// <summary>Plans an activity of an active pairing, with its volunteers' hours and the people it is to serve.</summary>
public sealed class PlanActivity(PairingDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<PairingActivity> ExecuteAsync(Guid pairingId, ActivityCategory category, DateOnly date, string location,
        IReadOnlyList<ActivityVolunteer> volunteers, IReadOnlyList<PeopleServed> served, CancellationToken ct)
    {
        var pairing = await db.PairingAsync(pairingId, caller, ct);
        var activity = new PairingActivity(pairing, category, date, location, volunteers, served, clock.GetUtcNow());
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }
}
