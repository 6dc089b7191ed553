using Civility.Data;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>Checks a confirmed volunteer in: a late arrival moves the start of their service, an early one is not credited.</summary>
public sealed class CheckInToActivity(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<SignUp> ExecuteAsync(Guid activityId, Guid volunteerId, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct =>
        {
            var activity = await db.LockedActivityAsync(caller, activityId, ct);
            activity.CheckIn(volunteerId, clock.GetUtcNow());
            return activity.ActiveSignUp(volunteerId);
        }, cancellationToken, OnConflict.Retry);
}
