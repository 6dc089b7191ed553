using Civility.Domain.Identifiers;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Units;

/// <summary>
/// Keeps what another service said of a unit: its name and the credit code that links it to credit listings (which
/// service's word wins is the unit's rule). Saved by the inbox consumer's transaction.
/// </summary>
public sealed class RememberUnit(MoralModelsDbContext db, TimeProvider clock) : IUseCase
{
    /// <param name="source"><see cref="KnownUnit.FromVolunteers"/> or <see cref="KnownUnit.FromPairing"/>.</param>
    public async Task ExecuteAsync(string unitCode, string name, string? creditCode, string source, CancellationToken ct)
    {
        var code = unitCode.Trim().ToUpperInvariant();
        var normalizedCredit = creditCode is null ? null : UnifiedSocialCreditCode.Normalize(creditCode);
        var now = clock.GetUtcNow();
        if (await db.Units.FirstOrDefaultAsync(u => u.UnitCode == code, ct) is { } known)
            known.Update(name, normalizedCredit, source, now);
        else
            db.Units.Add(new KnownUnit(code, name, normalizedCredit, source, now));
    }
}
