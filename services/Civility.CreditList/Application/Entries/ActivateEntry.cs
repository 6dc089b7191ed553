using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;

namespace Civility.CreditList.Application.Entries;

/// <summary>Lists and publishes an entry once the subject's statement period has ended; others hear of it.</summary>
public sealed class ActivateEntry(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ListEntry> ExecuteAsync(Guid id, string? reason, CancellationToken ct)
    {
        var entry = await db.EntryForChangeAsync(id, ct);
        entry.Activate(clock.CountyToday(), caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
