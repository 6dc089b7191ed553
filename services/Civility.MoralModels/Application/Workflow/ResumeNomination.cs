using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Workflow;

/// <summary>
/// Resumes a suspended nomination where it stopped: an admin's call, once no objection is open and no listing is
/// active (the gate decides, and keeps its decision).
/// </summary>
public sealed class ResumeNomination(MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock) : IUseCase
{
    public async Task<Nomination> ExecuteAsync(Guid id, string reason, CancellationToken ct)
    {
        var nomination = await db.NominationAsync(id, caller, ct);
        nomination.EnsureAllowed(Nomination.Resume);
        if (await db.Objections.AnyAsync(o => o.NominationId == id && o.Status == ObjectionStatus.Open, ct))
            throw DomainRuleException.Rule("An objection against this nomination is still open.",
                "Resolve it first: dismissing it resumes the nomination.");
        await gate.EnsureClearAsync(Nomination.Resume, nomination.IdHash, nomination.UnitCode, nomination.Id, caller.Actor, ct);
        nomination.ResumeWorkflow(caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return nomination;
    }
}
