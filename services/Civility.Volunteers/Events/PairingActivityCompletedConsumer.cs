using Civility.Contracts.VillagePairing;
using Civility.Messaging.Inbox;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Events;

/// <summary>
/// Turns a completed pairing activity into service hours for its participants. The pairing service's organizer has
/// confirmed who served and how long, so the hours of active volunteers are approved at once; a participant unknown
/// here or inactive gets nothing approved (an unknown id is skipped, an inactive one's hours wait as pending).
/// Applied once per message (inbox) and once per volunteer and activity (unique source reference).
/// </summary>
public sealed class PairingActivityCompletedConsumer(VolunteersDbContext db, TimeProvider clock)
    : InboxConsumer<PairingActivityCompleted, VolunteersDbContext>(db, clock)
{
    protected override async Task HandleAsync(PairingActivityCompleted message, ConsumeContext<PairingActivityCompleted> context)
    {
        var now = Clock.GetUtcNow();
        var ids = message.Participants.Select(p => p.VolunteerId).ToList();
        var volunteers = await Db.Volunteers.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, context.CancellationToken);
        var reference = message.ActivityId.ToString();
        foreach (var participant in message.Participants.Where(p => p.Hours > 0))
        {
            if (!volunteers.TryGetValue(participant.VolunteerId, out var volunteer)) continue;
            if (await Db.ServiceRecords.AnyAsync(r => r.VolunteerId == volunteer.Id && r.Source == ServiceRecordSource.PairingActivity
                    && r.SourceReference == reference, context.CancellationToken))
                continue;
            var record = new ServiceRecord(volunteer.Id, volunteer.UnitCode, ServiceRecordSource.PairingActivity, reference,
                message.Date, Math.Min(participant.Hours, 24m), $"Pairing activity ({message.Category})", "pairing-service", now);
            Db.ServiceRecords.Add(record);
            if (volunteer.Status == VolunteerStatus.Active) await Db.ApproveAsync(record, "pairing-service", now, context.CancellationToken);
        }
    }
}
