using Civility.Data;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>Cancels a sign-up (kept as cancelled); the first on the waitlist takes the place it held.</summary>
public sealed class CancelSignUp(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Activity> ExecuteAsync(Guid activityId, Guid volunteerId, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct =>
        {
            var activity = await db.LockedActivityAsync(caller, activityId, ct);
            activity.Cancel(volunteerId, clock.GetUtcNow());
            return activity;
        }, cancellationToken, OnConflict.Retry);
}
