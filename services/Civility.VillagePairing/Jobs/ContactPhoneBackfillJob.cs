using Civility.Hosting.PersonalData;
using Civility.VillagePairing.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Jobs;

/// <summary>
/// The liaison phones of pairings stored in clear by an earlier version (see <see cref="ClearPhoneBackfillJob{TContext}"/>).
/// </summary>
public sealed class ContactPhoneBackfillJob(
    IServiceScopeFactory scopes, ILogger<ContactPhoneBackfillJob> logger, PersonalDataProtector protector)
    : ClearPhoneBackfillJob<PairingDbContext>(scopes, logger, protector)
{
    protected override string Name => "pairing-contact-phone-backfill";

    protected override string ClearColumn => PairingConfiguration.LegacyClearPhone;

    protected override string What => "contact phones";

    protected override async Task<IReadOnlyList<ClearPhone>> PendingAsync(PairingDbContext db, CancellationToken cancellationToken)
    {
        var pairings = await db.Pairings
            .Where(p => p.Contacts.Any(c => EF.Property<string?>(c, PairingConfiguration.LegacyClearPhone) != null))
            .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        return pairings.SelectMany(p => p.Contacts).Select(c => new ClearPhone(c, c.ProtectLegacyPhone)).ToList();
    }
}
