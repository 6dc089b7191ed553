using Civility.CreditList.Application.Entries;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Objections;

/// <summary>How an upheld objection corrects the entry.</summary>
public enum Correction { Revoke, Amend }

/// <summary>
/// Decides an objection with a written reply (书面答复). Dismissed, or corrected by amendment, the entry's mark is
/// cleared; corrected by revocation, the entry is revoked (and, if it was in force, announced as lifted).
/// </summary>
public sealed class DecideObjection(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    /// <param name="amendment">What the amendment changes, when <paramref name="correction"/> is <see cref="Correction.Amend"/>.</param>
    public async Task<ObjectionView> ExecuteAsync(
        Guid id, ObjectionStatus outcome, Correction? correction, string reply, Amendment amendment, CancellationToken ct)
    {
        var objection = (await db.Objections.FirstOrDefaultAsync(o => o.Id == id, ct)).OrNotFound("objection");
        var entry = await db.EntryForChangeAsync(objection.EntryId, ct);
        var actor = caller.Actor;
        var now = clock.GetUtcNow();
        objection.Decide(outcome, reply, actor, now);
        if (outcome == ObjectionStatus.Dismissed || correction == Correction.Amend)
        {
            if (correction == Correction.Amend)
                entry.Amend(amendment.Facts, amendment.PublishedUntil, amendment.DecisionNumber, amendment.Basis, actor,
                    $"Objection upheld: {reply}", now);
            if (!entry.IsClosed) entry.ClearObjection(actor, reply, now);
        }
        else
        {
            entry.Revoke(actor, $"Objection upheld: {reply}", now);
        }
        await db.SaveChangesAsync(ct);
        return new ObjectionView(objection, clock.CountyToday());
    }
}
