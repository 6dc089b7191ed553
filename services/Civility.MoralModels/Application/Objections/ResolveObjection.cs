using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Objections;

/// <summary>The objection as resolved, and its nomination as the resolution left it.</summary>
public sealed record ObjectionResolution(Objection Objection, Nomination Nomination);

/// <summary>
/// Closes an objection with a written reason, upheld or dismissed (a groundless one is dismissed in this one step).
/// Upheld, the nomination is rejected (or its honour revoked); dismissed, a nomination suspended by objections resumes
/// once no other objection is open. One save for both.
/// </summary>
public sealed class ResolveObjection(MoralModelsDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ObjectionResolution> ExecuteAsync(Guid id, bool upheld, string reason, CancellationToken ct)
    {
        var objection = (await db.Objections.FirstOrDefaultAsync(o => o.Id == id, ct)).OrNotFound("objection");
        var nomination = await db.Nominations.FirstAsync(n => n.Id == objection.NominationId, ct);
        var now = clock.GetUtcNow();
        objection.Resolve(upheld, reason, caller.Actor, now);
        if (upheld)
        {
            nomination.UpholdObjection(reason, caller.Actor, now);
        }
        else
        {
            var anotherOpen = await db.Objections.AnyAsync(
                o => o.NominationId == nomination.Id && o.Status == ObjectionStatus.Open && o.Id != id, ct);
            nomination.DismissObjection(reason, anotherOpen, caller.Actor, now);
        }
        await db.SaveChangesAsync(ct);
        return new ObjectionResolution(objection, nomination);
    }
}
