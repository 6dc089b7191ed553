using Civility.Contracts.CreditList;
using Civility.Domain.Identifiers;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CivilizedUnits;

internal static class CreditSubjects
{
    /// <summary>
    /// The title a listing is about, if any: organizations' credit codes are public, so the credit list carries them
    /// unmasked in MaskedIdentifier; people never hold a title.
    /// </summary>
    public static async Task<CivilizedUnit?> FindTitleAsync(PairingDbContext db, CreditSubjectRef subject, CancellationToken ct)
    {
        if (!string.Equals(subject.Kind, "organization", StringComparison.OrdinalIgnoreCase)) return null;
        var code = UnifiedSocialCreditCode.Normalize(subject.MaskedIdentifier);
        return await db.CivilizedUnits.FirstOrDefaultAsync(u => u.CreditCode == code, ct);
    }
}
