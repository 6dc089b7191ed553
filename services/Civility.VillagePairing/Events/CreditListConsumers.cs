using Civility.Contracts.CreditList;
using Civility.Messaging.Inbox;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Civility.VillagePairing.Endpoints;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Civility.Domain.Identifiers;

namespace Civility.VillagePairing.Events;

internal static class CreditSubjects
{
    /// <summary>
    /// The civilized unit a listing is about, if any: organizations' credit codes are public, so the credit list
    /// carries them unmasked in MaskedIdentifier; people never hold a title.
    /// </summary>
    public static async Task<CivilizedUnit?> FindUnitAsync(PairingDbContext db, CreditSubjectRef subject, CancellationToken cancellationToken)
    {
        if (!string.Equals(subject.Kind, "organization", StringComparison.OrdinalIgnoreCase)) return null;
        var code = UnifiedSocialCreditCode.Normalize(subject.MaskedIdentifier);
        return await db.CivilizedUnits.FirstOrDefaultAsync(u => u.CreditCode == code, cancellationToken);
    }
}

/// <summary>One-vote veto (一票否决): a black-listed unit's title is warned at once and its revocation proposed.</summary>
[InboxKey("SubjectBlacklistedConsumer")]
public sealed class SubjectBlacklistedConsumer(PairingDbContext db, TimeProvider clock)
    : InboxConsumer<SubjectBlacklisted, PairingDbContext>(db, clock)
{
    protected override async Task HandleAsync(SubjectBlacklisted message, ConsumeContext<SubjectBlacklisted> context)
    {
        if (await CreditSubjects.FindUnitAsync(Db, message.Subject, context.CancellationToken) is not { } unit) return;
        var change = unit.Veto($"Black-listed ({message.Tier}), decision {message.DecisionNumber}: revocation proposed.", Clock.GetUtcNow());
        CivilizedUnitsApi.Announce(Db, unit, change, Clock);
    }
}

/// <summary>A lifted black-listing is noted for the admin; it does not restore the title by itself.</summary>
[InboxKey("ListingLiftedConsumer")]
public sealed class ListingLiftedConsumer(PairingDbContext db, TimeProvider clock)
    : InboxConsumer<ListingLifted, PairingDbContext>(db, clock)
{
    protected override async Task HandleAsync(ListingLifted message, ConsumeContext<ListingLifted> context)
    {
        if (!message.ListType.Contains("black", StringComparison.OrdinalIgnoreCase)) return;
        if (await CreditSubjects.FindUnitAsync(Db, message.Subject, context.CancellationToken) is not { } unit) return;
        unit.NoteListingLifted($"Black-listing {message.EntryId} lifted ({message.Reason}); an admin decides on the title.", Clock.GetUtcNow());
    }
}
