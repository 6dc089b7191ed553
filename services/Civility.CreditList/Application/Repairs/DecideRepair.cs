using Civility.CreditList.Application.Entries;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Repairs;

/// <summary>Approves a repair application, which lifts the entry (信用修复), or rejects it; either way with a reply.</summary>
public sealed class DecideRepair(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<RepairApplication> ExecuteAsync(Guid id, bool approve, string reply, CancellationToken ct)
    {
        var repair = (await db.Repairs.FirstOrDefaultAsync(r => r.Id == id, ct)).OrNotFound("repair application");
        var actor = caller.Actor;
        var now = clock.GetUtcNow();
        repair.Decide(approve, reply, actor, now);
        if (approve)
        {
            var entry = await db.EntryForChangeAsync(repair.EntryId, ct);
            entry.Repair(actor, $"Credit repair approved: {reply}", now);
        }
        await db.SaveChangesAsync(ct);
        return repair;
    }
}
