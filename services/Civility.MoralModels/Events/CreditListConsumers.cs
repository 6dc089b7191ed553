using Civility.Contracts.CreditList;
using Civility.Contracts.MoralModels;
using Civility.Messaging.Inbox;
using Civility.Messaging.Outbox;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Events;

/// <summary>
/// A black-list entry became active: it joins the local view of listings, and every nomination of that person still
/// in progress is suspended with the listing as the reason (the gate decision keeps which listing it was).
/// </summary>
public sealed class SubjectBlacklistedConsumer(MoralModelsDbContext db, TimeProvider clock)
    : InboxConsumer<SubjectBlacklisted, MoralModelsDbContext>(db, clock)
{
    protected override async Task HandleAsync(SubjectBlacklisted message, ConsumeContext<SubjectBlacklisted> context)
    {
        var now = Clock.GetUtcNow();
        var listing = await Db.CreditListings.FirstOrDefaultAsync(l => l.EntryId == message.EntryId, context.CancellationToken);
        if (listing is null)
        {
            var s = message.Subject;
            listing = new CreditListing(message.EntryId, s.Kind, s.Name, s.MaskedIdentifier, s.SubjectKeyHash, message.Tier,
                message.DecisionNumber, message.PublishedFrom, message.PublishedUntil, now);
            Db.CreditListings.Add(listing);
        }
        if (message.Subject.SubjectKeyHash is not { } hash) return;

        var affected = await Db.Nominations
            .Where(n => n.IdHash == hash && (n.Status == NominationStatus.Nominated || n.Status == NominationStatus.UnderReview
                || n.Status == NominationStatus.InPublicity || n.Status == NominationStatus.Selected || n.Status == NominationStatus.Suspended))
            .ToListAsync(context.CancellationToken);
        foreach (var nomination in affected.Where(n => n.SuspensionListingId != listing.EntryId))
        {
            var reason = $"The nominee was {listing.Describe()}.";
            nomination.SuspendFor(SuspensionCause.CreditListing, reason, listing.EntryId, Nomination.System, now);
            Db.GateDecisions.Add(new CreditGateDecision(Nomination.Suspend, hash, nomination.Id, listing.EntryId, false, Nomination.System, now));
            Db.AddIntegrationEvent(new NominationSuspended(nomination.Id, reason), Clock);
        }
    }
}

/// <summary>A listing stopped applying: the local view marks it lifted (red entries are not in it: nothing to do). Resuming a nomination stays an admin's call.</summary>
public sealed class ListingLiftedConsumer(MoralModelsDbContext db, TimeProvider clock)
    : InboxConsumer<ListingLifted, MoralModelsDbContext>(db, clock)
{
    protected override async Task HandleAsync(ListingLifted message, ConsumeContext<ListingLifted> context)
    {
        var listing = await Db.CreditListings.FirstOrDefaultAsync(l => l.EntryId == message.EntryId, context.CancellationToken);
        listing?.Lift(message.Reason, Clock.GetUtcNow());
    }
}
