using Civility.CreditList.Data;
using Civility.Hosting.Jobs;
using Civility.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Civility.Domain.Time;

namespace Civility.CreditList.Jobs;

/// <summary>
/// Expires active entries whose publication period has ended and announces each once (ListingLifted, expired).
/// The public query already hides them from the day after the period; this closes them for good.
/// </summary>
public sealed class ExpiryJob(IServiceScopeFactory scopes, ILogger<ExpiryJob> logger, TimeProvider clock, IOptions<CreditListOptions> options)
    : SingleInstanceJob<CreditDbContext>(scopes, logger)
{
    private const int BatchSize = 500;

    protected override string Name => "credit.expire-entries";

    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override async Task RunOnceAsync(CreditDbContext db, CancellationToken cancellationToken)
    {
        var today = clock.CountyToday();
        var now = clock.GetUtcNow();
        var ended = await db.Entries.Include(e => e.Subject)
            .Where(e => e.Status == Domain.EntryStatus.Active && e.PublishedUntil < today)
            .OrderBy(e => e.PublishedUntil).Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var entry in ended) entry.Expire(now);
    }
}
