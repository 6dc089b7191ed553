using Civility.Contracts.CreditList;
using Civility.Messaging.Inbox;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Events;

/// <summary>
/// A black-list entry became active: it joins the local view of listings, and every nomination still in progress of
/// that person, or of a person of that unit, is suspended with the listing as the reason (the gate decision keeps
/// which listing it was).
/// </summary>
[InboxKey("SubjectBlacklistedConsumer")]
public sealed class SubjectBlacklistedConsumer(MoralModelsDbContext db, TimeProvider clock)
    : InboxConsumer<SubjectBlacklisted, MoralModelsDbContext>(db, clock)
{
    private static readonly NominationStatus[] InProgress =
    [
        NominationStatus.Nominated, NominationStatus.UnderReview, NominationStatus.InPublicity, NominationStatus.Selected,
        NominationStatus.Suspended,
    ];

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
        else if (!listing.IsActive)
        {
            // Its lifting came first: the entry is already over and suspends nothing.
            listing.FillIn(message.Tier, message.DecisionNumber, message.PublishedFrom, message.PublishedUntil);
            return;
        }

        var personHash = listing.SubjectKeyHash;
        var unitCodes = listing.OrganizationCode is { } code
            ? await Db.Units.Where(u => u.CreditCode == code).Select(u => u.UnitCode).ToListAsync(context.CancellationToken)
            : [];
        if (personHash is null && unitCodes.Count == 0) return;

        var affected = await Db.Nominations
            .Where(n => InProgress.Contains(n.Status) && ((personHash != null && n.IdHash == personHash) || unitCodes.Contains(n.UnitCode)))
            .ToListAsync(context.CancellationToken);
        foreach (var nomination in affected.Where(n => n.SuspensionListingId != listing.EntryId))
        {
            var reason = personHash is null
                ? $"The nominee's unit {nomination.UnitCode} was {listing.Describe()}."
                : $"The nominee was {listing.Describe()}.";
            nomination.SuspendFor(SuspensionCause.CreditListing, reason, listing.EntryId, Nomination.System, now);
            Db.GateDecisions.Add(new CreditGateDecision(Nomination.Suspend, nomination.IdHash, nomination.UnitCode, nomination.Id,
                listing.EntryId, false, Nomination.System, now));
        }
    }
}

/// <summary>
/// A listing stopped applying: the local view marks it lifted (red entries are not in it: nothing to do). Resuming a
/// nomination stays an admin's call. A black-listing lifted before its listing arrived is kept as lifted, so that the
/// listing, arriving late, suspends nothing.
/// </summary>
[InboxKey("ListingLiftedConsumer")]
public sealed class ListingLiftedConsumer(MoralModelsDbContext db, TimeProvider clock)
    : InboxConsumer<ListingLifted, MoralModelsDbContext>(db, clock)
{
    protected override async Task HandleAsync(ListingLifted message, ConsumeContext<ListingLifted> context)
    {
        var now = Clock.GetUtcNow();
        var listing = await Db.CreditListings.FirstOrDefaultAsync(l => l.EntryId == message.EntryId, context.CancellationToken);
        if (listing is not null)
        {
            listing.Lift(message.Reason, now);
            return;
        }
        if (!message.ListType.Contains("black", StringComparison.OrdinalIgnoreCase)) return;
        var s = message.Subject;
        Db.CreditListings.Add(CreditListing.LiftedBeforeListed(message.EntryId, s.Kind, s.Name, s.MaskedIdentifier, s.SubjectKeyHash, message.Reason, now));
    }
}
