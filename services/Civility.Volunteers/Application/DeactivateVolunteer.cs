using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Deactivates a volunteer with a reason (nothing is deleted); their unit's registered staff drop by one.</summary>
public sealed class DeactivateVolunteer(VolunteersDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<Volunteer> ExecuteAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var volunteer = caller.Visible(await db.Volunteers.FirstOrDefaultAsync(v => v.Id == id, cancellationToken),
            v => v.UnitCode, "volunteer");
        volunteer.Deactivate(reason, caller.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return volunteer;
    }
}
