using Civility.Data;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Application;

/// <summary>Checks a volunteer out and records the time actually served as a pending service record.</summary>
public sealed class CheckOutOfActivity(VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits)
    : IUseCase
{
    public async Task<(SignUp SignUp, ServiceRecord Record)> ExecuteAsync(Guid activityId, Guid volunteerId,
        CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct =>
        {
            var activity = await db.LockedActivityAsync(caller, activityId, ct);
            var now = clock.GetUtcNow();
            var served = activity.CheckOut(volunteerId, now);
            if (served.Hours <= 0)
                throw DomainRuleException.Rule("No service time to record: the volunteer left before the activity started.");
            var volunteer = (await db.LockVolunteersAsync([volunteerId], ct)).Values.Single();
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == activity.ProjectId, ct);
            // The hours count for the volunteer's unit, which approves them, whoever organized the activity.
            var record = new ServiceRecord(volunteerId, volunteer.UnitCode, activity.UnitCode, ServiceRecordSource.Activity,
                activity.Id.ToString(), CountyClock.CountyDate(served.Period.Start), served.Hours, $"{project.Name}: {activity.Title}",
                caller.Actor, now, served.Period);
            await db.RecordAsync(record, limits.Value, caller.IsAdmin, now, ct);
            return (activity.ActiveSignUp(volunteerId), record);
        }, cancellationToken, OnConflict.Retry);
}
