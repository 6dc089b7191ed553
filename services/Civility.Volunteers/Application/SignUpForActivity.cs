using Civility.Data;
using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Signs a volunteer up for an activity: confirmed while places remain, waitlisted after.</summary>
public sealed class SignUpForActivity(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<SignUp> ExecuteAsync(Guid activityId, Guid volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = caller.Visible(await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, cancellationToken),
            v => v.UnitCode, "volunteer");
        if (volunteer.Status != VolunteerStatus.Active) throw DomainRuleException.Rule("An inactive volunteer cannot sign up.");
        return await db.InTransactionAsync(async ct =>
        {
            var activity = await db.LockedActivityAsync(caller, activityId, ct);
            return activity.SignUp(volunteer.Id, clock.GetUtcNow());
        }, cancellationToken, OnConflict.Retry);
    }
}
