using Civility.Contracts.CreditList;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.CreditListings;

/// <summary>
/// A listing stopped applying: the local view marks it lifted (red entries are not in it: nothing to do). Resuming a
/// nomination stays an admin's call. A black-listing lifted before its listing arrived is kept as lifted, so that the
/// listing, arriving late, suspends nothing. Saved by the inbox consumer's transaction.
/// </summary>
public sealed class NoteListingLifted(MoralModelsDbContext db, TimeProvider clock) : IUseCase
{
    public async Task ExecuteAsync(ListingLifted message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var listing = await db.CreditListings.FirstOrDefaultAsync(l => l.EntryId == message.EntryId, ct);
        if (listing is not null)
        {
            listing.Lift(message.Reason, now);
            return;
        }
        if (!message.ListType.Contains("black", StringComparison.OrdinalIgnoreCase)) return;
        var subject = message.Subject;
        db.CreditListings.Add(CreditListing.LiftedBeforeListed(message.EntryId, subject.Kind, subject.Name, subject.MaskedIdentifier,
            subject.SubjectKeyHash, message.Reason, now));
    }
}
