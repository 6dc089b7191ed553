using Civility.Contracts.VillagePairing;
using Civility.Messaging.Inbox;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Events;

/// <summary>
/// Turns a completed pairing activity into service hours for its participants. The list comes from another service
/// and is not trusted: each participant is looked up here, and the hours are approved at once only for an active
/// volunteer of the unit that ran the activity and only within the plausibility rules. Anything else — a volunteer
/// of another unit, an inactive one, hours beyond the daily limit — is kept pending in the volunteer's own unit with
/// the reason, for an approver there to decide; an id unknown here is skipped. Applied once per message (inbox) and
/// once per volunteer and activity (unique source reference).
/// </summary>
[InboxKey("PairingActivityCompletedConsumer")]
public sealed class PairingActivityCompletedConsumer(VolunteersDbContext db, TimeProvider clock, IOptions<HoursLimits> limits, ILogger<PairingActivityCompletedConsumer> logger)
    : InboxConsumer<PairingActivityCompleted, VolunteersDbContext>(db, clock)
{
    public const string Actor = "pairing-service";

    protected override async Task HandleAsync(PairingActivityCompleted message, ConsumeContext<PairingActivityCompleted> context)
    {
        var now = Clock.GetUtcNow();
        var cancellationToken = context.CancellationToken;
        var volunteers = await Db.LockVolunteersAsync(message.Participants.Select(p => p.VolunteerId), cancellationToken);
        var reference = message.ActivityId.ToString();
        foreach (var participant in message.Participants.Where(p => p.Hours > 0).DistinctBy(p => p.VolunteerId))
        {
            if (!volunteers.TryGetValue(participant.VolunteerId, out var volunteer))
            {
                logger.LogWarning("Pairing activity {ActivityId} lists volunteer {VolunteerId}, unknown here: no hours recorded for it",
                    message.ActivityId, participant.VolunteerId);
                continue;
            }
            if (await Db.ServiceRecords.AnyAsync(r => r.VolunteerId == volunteer.Id && r.Source == ServiceRecordSource.PairingActivity
                    && r.SourceReference == reference, cancellationToken))
                continue;
            var record = new ServiceRecord(volunteer.Id, volunteer.UnitCode, message.UnitCode, ServiceRecordSource.PairingActivity, reference,
                message.Date, Math.Min(participant.Hours, 24m), $"Pairing activity ({message.Category})", Actor, now);
            var broken = await Db.TryRecordAsync(record, limits.Value, byAdministrator: false, now, cancellationToken);
            if (broken is not null)
            {
                record.Hold(broken);
                Db.ServiceRecords.Add(record);
            }
            else if (record.FromAnotherUnit)
            {
                record.Hold($"Recorded by unit {message.UnitCode}'s pairing activity: awaits approval in unit {volunteer.UnitCode}.");
            }
            else if (volunteer.Status != VolunteerStatus.Active)
            {
                record.Hold("The volunteer is inactive.");
            }
            else
            {
                await Db.ApproveAsync(record, volunteer, limits.Value, Actor, inBulk: false, now, cancellationToken);
            }
        }
    }
}
