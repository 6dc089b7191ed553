using Civility.Data;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Application;

/// <summary>Records hours by hand (an organizer's entry), pending until approved; the volunteer's unit records for them.</summary>
public sealed class RecordServiceHours(VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits)
    : IUseCase
{
    /// <param name="period">When the service started and ended, if known: checked against it and the volunteer's other timed hours.</param>
    public async Task<ServiceRecord> ExecuteAsync(Guid volunteerId, DateOnly serviceDate, decimal hours, string content,
        ServicePeriod? period, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async ct =>
        {
            var volunteers = await db.LockVolunteersAsync([volunteerId], ct);
            var volunteer = caller.Visible(volunteers.GetValueOrDefault(volunteerId), v => v.UnitCode, "volunteer");
            var record = new ServiceRecord(volunteer.Id, volunteer.UnitCode, volunteer.UnitCode, ServiceRecordSource.Manual, null,
                serviceDate, hours, content, caller.Actor, now, period);
            await db.RecordAsync(record, limits.Value, caller.IsAdmin, now, ct);
            return record;
        }, cancellationToken, OnConflict.Retry);
    }
}
