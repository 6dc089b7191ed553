using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

/// <summary>
/// Expires active entries whose publication period has ended, a batch per run; each is announced once as lifted.
/// The public query already hides them from the day after the period; this closes them for good. Saved by the
/// job's round, in its lock's transaction.
/// </summary>
public sealed class ExpireEndedEntries(CreditDbContext db, TimeProvider clock) : IUseCase
{
    public const int BatchSize = 500;

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var today = clock.CountyToday();
        var now = clock.GetUtcNow();
        var ended = await db.Entries.Include(e => e.Subject)
            .Where(e => e.Status == EntryStatus.Active && e.PublishedUntil < today)
            .OrderBy(e => e.PublishedUntil).Take(BatchSize)
            .ToListAsync(ct);
        foreach (var entry in ended) entry.Expire(now);
    }
}
