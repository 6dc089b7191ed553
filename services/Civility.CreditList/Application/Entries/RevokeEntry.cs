using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;

namespace Civility.CreditList.Application.Entries;

/// <summary>Revokes an entry with a reason (nothing is deleted); a listing in force is announced as lifted.</summary>
public sealed class RevokeEntry(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ListEntry> ExecuteAsync(Guid id, string reason, CancellationToken ct)
    {
        var entry = await db.EntryForChangeAsync(id, ct);
        entry.Revoke(caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
