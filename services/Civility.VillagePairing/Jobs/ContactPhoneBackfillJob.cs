using Civility.Hosting.Jobs;
using Civility.Hosting.PersonalData;
using Civility.VillagePairing.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Jobs;

/// <summary>
/// Encrypts the contact phones stored in clear before phones were protected, and empties the clear column, a batch a
/// round. A migration cannot do it (the key is the application's), so the application does, at start and then on a
/// schedule: while an older replica still runs during a rolling update it may write a clear phone, and the next
/// round protects that one too. Safe with several replicas (one at a time, under the job's advisory lock) and
/// idempotent: a row whose clear column is empty is done and is never read again. The clear column is dropped by a
/// later migration, once every replica runs this version and a round finds nothing left.
/// </summary>
public sealed class ContactPhoneBackfillJob(IServiceScopeFactory scopes, ILogger<ContactPhoneBackfillJob> logger, PersonalDataProtector protector)
    : SingleInstanceJob<PairingDbContext>(scopes, logger)
{
    private const int BatchSize = 200;

    protected override string Name => "pairing-contact-phone-backfill";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunOnceAsync(PairingDbContext db, CancellationToken cancellationToken)
    {
        var pairings = await db.Pairings
            .Where(p => p.Contacts.Any(c => EF.Property<string?>(c, PairingConfiguration.LegacyClearPhone) != null))
            .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var protectedCount = 0;
        foreach (var contact in pairings.SelectMany(p => p.Contacts))
        {
            var clear = db.Entry(contact).Property<string?>(PairingConfiguration.LegacyClearPhone);
            if (clear.CurrentValue is not { } phone) continue;
            if (!string.IsNullOrWhiteSpace(phone)) contact.ProtectLegacyPhone(protector.ProtectPhone(phone));
            clear.CurrentValue = null;
            protectedCount++;
        }
        if (protectedCount > 0) logger.LogInformation("Protected {Count} contact phones stored in clear", protectedCount);
    }
}
