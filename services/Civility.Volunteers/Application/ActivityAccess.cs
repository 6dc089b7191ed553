using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>The activity every change of a sign-up starts from.</summary>
internal static class ActivityAccess
{
    /// <summary>
    /// The activity with its sign-ups, locked for the transaction (see <see cref="RowLocks.LockActivityAsync"/>), if the
    /// caller may see it.
    /// </summary>
    public static async Task<Activity> LockedActivityAsync(this VolunteersDbContext db, CallerContext caller, Guid id,
        CancellationToken cancellationToken) =>
        caller.Visible(await db.LockActivityAsync(id, cancellationToken), a => a.UnitCode, "activity");

    /// <summary>The volunteer's sign-up that is not cancelled.</summary>
    public static SignUp ActiveSignUp(this Activity activity, Guid volunteerId) =>
        activity.SignUps.Single(s => s.VolunteerId == volunteerId && s.Status != SignUpStatus.Cancelled);
}
