using Civility.Contracts.CreditList;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.CreditListings;

/// <summary>
/// A black-list entry became active: it joins the local view of listings, and every nomination still in progress of
/// that person, or of a person of that unit, is suspended with the listing as the reason (the gate decision keeps
/// which listing it was). A model commended before the listing comes off the public boards at once, the honour kept
/// for an admin to revoke or restore. Saved by the inbox consumer's transaction.
/// </summary>
public sealed class SuspendForBlacklisting(MoralModelsDbContext db, TimeProvider clock) : IUseCase
{
    private static readonly NominationStatus[] InProgress =
    [
        NominationStatus.Nominated, NominationStatus.UnderReview, NominationStatus.InPublicity, NominationStatus.Selected,
        NominationStatus.Suspended, NominationStatus.Commended,
    ];

    public async Task ExecuteAsync(SubjectBlacklisted message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var listing = await db.CreditListings.FirstOrDefaultAsync(l => l.EntryId == message.EntryId, ct);
        if (listing is null)
        {
            var subject = message.Subject;
            listing = new CreditListing(message.EntryId, subject.Kind, subject.Name, subject.MaskedIdentifier, subject.SubjectKeyHash,
                message.Tier, message.DecisionNumber, message.PublishedFrom, message.PublishedUntil, now);
            db.CreditListings.Add(listing);
        }
        else if (!listing.IsActive)
        {
            // Its lifting came first: the entry is already over and suspends nothing.
            listing.FillIn(message.Tier, message.DecisionNumber, message.PublishedFrom, message.PublishedUntil);
            return;
        }

        var personHash = listing.SubjectKeyHash;
        var unitCodes = listing.OrganizationCode is { } code
            ? await db.Units.Where(u => u.CreditCode == code).Select(u => u.UnitCode).ToListAsync(ct)
            : [];
        if (personHash is null && unitCodes.Count == 0) return;

        var affected = await db.Nominations
            .Where(n => InProgress.Contains(n.Status)
                && ((personHash != null && n.IdHash == personHash) || unitCodes.Contains(n.UnitCode)))
            .ToListAsync(ct);
        // A redelivered listing finds its nominations suspended for it already, and leaves them be.
        foreach (var nomination in affected.Where(n => n.SuspensionListingId != listing.EntryId))
        {
            var reason = personHash is null
                ? $"The nominee's unit {nomination.UnitCode} was {listing.Describe()}."
                : $"The nominee was {listing.Describe()}.";
            var action = nomination.Status == NominationStatus.Commended ? Nomination.TakeOffBoards : Nomination.Suspend;
            if (action == Nomination.TakeOffBoards)
            {
                if (!nomination.TakeOffBoardsFor(listing.EntryId, reason, Nomination.System, now)) continue;
            }
            else
            {
                nomination.SuspendFor(SuspensionCause.CreditListing, reason, listing.EntryId, Nomination.System, now);
            }
            db.GateDecisions.Add(new CreditGateDecision(action, nomination.IdHash, nomination.UnitCode, nomination.Id,
                listing.EntryId, false, Nomination.System, now));
        }
    }
}
