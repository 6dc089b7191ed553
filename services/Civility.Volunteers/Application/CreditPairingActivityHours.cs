using Civility.Contracts.VillagePairing;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Application;

/// <summary>
/// Turns a completed pairing activity into service hours for its participants. The list comes from another service
/// and is not trusted: each participant is looked up here, and the hours are approved at once only for an active
/// volunteer of the unit that ran the activity and only within the plausibility rules. Anything else — a volunteer
/// of another unit, an inactive one, hours beyond the daily limit — is kept pending in the volunteer's own unit with
/// the reason, for an approver there to decide; an id unknown here is skipped. Once per volunteer and activity
/// (unique source reference). Does not save: the inbox saves it with the message, once per message.
/// </summary>
public sealed class CreditPairingActivityHours(VolunteersDbContext db, TimeProvider clock, IOptions<HoursLimits> limits,
    ILogger<CreditPairingActivityHours> logger) : IUseCase
{
    public const string Actor = "pairing-service";

    public async Task ExecuteAsync(PairingActivityCompleted activity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var volunteers = await db.LockVolunteersAsync(activity.Participants.Select(p => p.VolunteerId), cancellationToken);
        var reference = activity.ActivityId.ToString();
        foreach (var participant in activity.Participants.Where(p => p.Hours > 0).DistinctBy(p => p.VolunteerId))
        {
            if (!volunteers.TryGetValue(participant.VolunteerId, out var volunteer))
            {
                logger.LogWarning("Pairing activity {ActivityId} lists volunteer {VolunteerId}, unknown here: no hours recorded for it",
                    activity.ActivityId, participant.VolunteerId);
                continue;
            }
            if (await db.ServiceRecords.AnyAsync(r => r.VolunteerId == volunteer.Id && r.Source == ServiceRecordSource.PairingActivity
                    && r.SourceReference == reference, cancellationToken))
                continue;
            var record = new ServiceRecord(volunteer.Id, volunteer.UnitCode, activity.UnitCode, ServiceRecordSource.PairingActivity,
                reference, activity.Date, Math.Min(participant.Hours, 24m), $"Pairing activity ({activity.Category})", Actor, now);
            var broken = await db.TryRecordAsync(record, limits.Value, byAdministrator: false, now, cancellationToken);
            if (broken is not null)
            {
                record.Hold(broken);
                db.ServiceRecords.Add(record);
            }
            else if (record.FromAnotherUnit)
            {
                record.Hold($"Recorded by unit {activity.UnitCode}'s pairing activity: awaits approval in unit {volunteer.UnitCode}.");
            }
            else if (volunteer.Status != VolunteerStatus.Active)
            {
                record.Hold("The volunteer is inactive.");
            }
            else
            {
                await db.ApproveAsync(record, volunteer, limits.Value, Actor, inBulk: false, now, cancellationToken);
            }
        }
    }
}
