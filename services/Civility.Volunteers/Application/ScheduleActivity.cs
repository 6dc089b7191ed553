using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Schedules an activity of a project, organized by the project's unit.</summary>
public sealed class ScheduleActivity(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<Activity> ExecuteAsync(Guid projectId, string title, string place, DateTimeOffset startsAt, DateTimeOffset endsAt,
        int capacity, CancellationToken cancellationToken)
    {
        var project = caller.Visible(await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken),
            p => p.OrganizingUnitCode, "project");
        var activity = new Activity(project.Id, project.OrganizingUnitCode, title, place, startsAt, endsAt, capacity);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }
}
