using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Reactivates a deactivated volunteer with a reason; their unit's registered staff rise by one again.</summary>
public sealed class ReactivateVolunteer(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Volunteer> ExecuteAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var volunteer = caller.Visible(await db.Volunteers.FirstOrDefaultAsync(v => v.Id == id, cancellationToken),
            v => v.UnitCode, "volunteer");
        volunteer.Reactivate(reason, caller.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return volunteer;
    }
}
