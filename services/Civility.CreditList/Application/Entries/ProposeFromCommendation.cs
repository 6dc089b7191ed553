using Civility.Contracts.MoralModels;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.CreditList.Application.Entries;

/// <summary>
/// A commended moral model may be put on the red list (守信红名单): proposes an entry that waits for an admin's
/// decision (notify and activate, or revoke). One proposal per nomination, even if the event arrives twice under
/// different message ids. Saved by the inbox consumer's transaction.
/// </summary>
public sealed class ProposeFromCommendation(
    CreditDbContext db, TimeProvider clock, IOptions<CreditListOptions> options, ILogger<ProposeFromCommendation> logger) : IUseCase
{
    public async Task ExecuteAsync(ModelCommended commended, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(commended.SubjectKeyHash))
        {
            logger.LogInformation("Commendation of nomination {NominationId} names no person by ID hash; no red-list proposal",
                commended.NominationId);
            return;
        }
        var sourceKey = $"model-commended:{commended.NominationId}";
        if (await db.Entries.AnyAsync(e => e.SourceKey == sourceKey, ct)) return;

        var now = clock.GetUtcNow();
        var subject = await db.Subjects.FirstOrDefaultAsync(
            s => s.Kind == SubjectKind.Person && s.LookupHashOrCode == commended.SubjectKeyHash, ct);
        if (subject is null)
        {
            subject = CreditSubject.PersonByHash(commended.SubjectKeyHash, commended.MaskedIdNumber, commended.NomineeName, now);
            db.Subjects.Add(subject);
        }
        // Published from the commendation's day, not the day the message happens to arrive.
        var from = CountyClock.CountyDate(commended.OccurredAt);
        // The decision number and legal basis are the deciding department's to give: the admin amends them in.
        var entry = ListEntry.Propose(subject, ListType.Red, null, new LegalBasis("", ""),
            $"Commended: {commended.Commendation} ({commended.Category}).", "", "", from, from,
            from.AddMonths(options.Value.CommendationRedListMonths),
            internalNote: $"Proposed from moral-model nomination {commended.NominationId}.", sourceKey, actor: "moral-models", now);
        db.Entries.Add(entry);
    }
}
