using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CivilizedUnits;

/// <summary>
/// Titles whose review deadline passed without a renewal lapse (到期失效), announced like any change; a batch per run.
/// </summary>
public sealed class LapseTitles(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public const int BatchSize = 500;

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = CountyClock.CountyDate(now);
        var missed = await db.CivilizedUnits
            .Where(u => u.Status != TitleStatus.Revoked && u.Status != TitleStatus.Lapsed && u.ReviewDeadline < today)
            .Take(BatchSize).ToListAsync(ct);
        foreach (var unit in missed) unit.Lapse(today, now);
        await db.SaveChangesAsync(ct);
    }
}
