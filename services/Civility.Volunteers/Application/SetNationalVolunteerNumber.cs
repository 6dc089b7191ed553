using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Records the volunteer's number in the national volunteer system (全国志愿服务信息系统) after a sync.</summary>
public sealed class SetNationalVolunteerNumber(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<Volunteer> ExecuteAsync(Guid id, string number, CancellationToken cancellationToken)
    {
        var volunteer = caller.Visible(await db.Volunteers.FirstOrDefaultAsync(v => v.Id == id, cancellationToken),
            v => v.UnitCode, "volunteer");
        volunteer.SetNationalVolunteerNumber(number);
        await db.SaveChangesAsync(cancellationToken);
        return volunteer;
    }
}
