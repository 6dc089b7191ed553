using Civility.Domain.PersonalData;
using Civility.Hosting.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civility.Hosting.PersonalData;

/// <summary>A phone an earlier version stored in clear, and how its holder takes the protected form.</summary>
public sealed record ClearPhone(object Holder, Action<ProtectedPhone> Keep);

/// <summary>
/// Encrypts the phones stored in clear before phones were protected, and empties the clear column, a batch a round.
/// A migration cannot do it (the key is the application's), so the application does, at start and then on a schedule:
/// while an older replica still runs during a rolling update it may write a clear phone, and the next round protects
/// that one too. Safe with several replicas (one at a time, under the job's advisory lock) and idempotent: a row whose
/// clear column is empty is done and is never read again. The clear column is dropped by a later migration, once every
/// replica runs this version and a round finds nothing left.
/// </summary>
public abstract class ClearPhoneBackfillJob<TContext>(IServiceScopeFactory scopes, ILogger logger, PersonalDataProtector protector)
    : SingleInstanceJob<TContext>(scopes, logger)
    where TContext : DbContext
{
    protected const int BatchSize = 200;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    /// <summary>The shadow property that still holds the clear phone.</summary>
    protected abstract string ClearColumn { get; }

    /// <summary>What the phones are, for the log ("objection phones").</summary>
    protected abstract string What { get; }

    /// <summary>Up to <see cref="BatchSize"/> rows whose clear column is not empty, with their phone holders.</summary>
    protected abstract Task<IReadOnlyList<ClearPhone>> PendingAsync(TContext db, CancellationToken cancellationToken);

    protected sealed override async Task RunOnceAsync(TContext db, CancellationToken cancellationToken)
    {
        var protectedCount = 0;
        foreach (var pending in await PendingAsync(db, cancellationToken))
        {
            var clear = db.Entry(pending.Holder).Property(ClearColumn);
            if (clear.CurrentValue is not string phone) continue;
            // A blank value has nothing to protect: it is only emptied, so the row is not read again.
            if (!string.IsNullOrWhiteSpace(phone)) pending.Keep(protector.ProtectPhone(phone));
            clear.CurrentValue = null;
            protectedCount++;
        }
        if (protectedCount > 0) Logger.LogInformation("Protected {Count} {What} stored in clear", protectedCount, What);
    }
}
