using Civility.Contracts.MoralModels;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Messaging.Inbox;
using Civility.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Civility.Domain.Time;

namespace Civility.CreditList.Events;

/// <summary>
/// A commended moral model may be put on the red list (守信红名单): proposes an entry that waits for an admin's
/// decision (notify and activate, or revoke). One proposal per nomination, even if the event arrives twice under
/// different message ids.
/// </summary>
[InboxKey("model-commended")]
public sealed class ModelCommendedConsumer(CreditDbContext db, TimeProvider clock, IOptions<CreditListOptions> options, ILogger<ModelCommendedConsumer> logger)
    : InboxConsumer<ModelCommended, CreditDbContext>(db, clock)
{

    protected override async Task HandleAsync(ModelCommended message, ConsumeContext<ModelCommended> context)
    {
        if (string.IsNullOrEmpty(message.SubjectKeyHash))
        {
            logger.LogInformation("Commendation of nomination {NominationId} names no person by ID hash; no red-list proposal", message.NominationId);
            return;
        }
        var sourceKey = $"model-commended:{message.NominationId}";
        if (await Db.Entries.AnyAsync(e => e.SourceKey == sourceKey, context.CancellationToken)) return;

        var now = Clock.GetUtcNow();
        var subject = await Db.Subjects.FirstOrDefaultAsync(
            s => s.Kind == SubjectKind.Person && s.LookupHashOrCode == message.SubjectKeyHash, context.CancellationToken);
        if (subject is null)
        {
            subject = CreditSubject.PersonByHash(message.SubjectKeyHash, message.MaskedIdNumber, message.NomineeName, now);
            Db.Subjects.Add(subject);
        }
        var from = CountyClock.CountyDate(message.OccurredAt);
        // The decision number and legal basis are the deciding department's to give: the admin amends them in.
        var entry = ListEntry.Propose(subject, ListType.Red, null, new LegalBasis("", ""),
            $"Commended: {message.Commendation} ({message.Category}).", "", "", from, from,
            from.AddMonths(options.Value.CommendationRedListMonths), internalNote: $"Proposed from moral-model nomination {message.NominationId}.",
            sourceKey, actor: "moral-models", now);
        Db.Entries.Add(entry);
    }
}
