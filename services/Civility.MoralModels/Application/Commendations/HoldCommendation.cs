using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Commendations;

/// <summary>What a commendation is: its kind, title, day and place, and the models it honours.</summary>
public sealed record CommendationPlan(
    CommendationKind Kind, string Title, DateOnly HeldOn, string Place, IReadOnlyList<Guid> NominationIds);

/// <summary>
/// Holds a commendation (表彰): each selected model it honours is commended, credit-gated (those commended already
/// stay as they are). One refusal, and nothing of the commendation is saved.
/// </summary>
public sealed class HoldCommendation(MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock) : IUseCase
{
    public async Task<Commendation> ExecuteAsync(CommendationPlan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = plan.NominationIds;
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        if (nominations.Count != ids.Count) throw DomainRuleException.NotFound("nomination");
        foreach (var nomination in nominations.Where(n => n.Status != NominationStatus.Commended))
        {
            nomination.EnsureAllowed(Nomination.Commend);
            await gate.EnsureClearAsync(Nomination.Commend, nomination.IdHash, nomination.UnitCode, nomination.Id, caller.Actor, ct);
            nomination.MarkCommended(caller.Actor, plan.Title, now);
        }
        var commendation = new Commendation(plan.Kind, plan.Title, plan.HeldOn, plan.Place, ids, caller.Actor, now);
        db.Commendations.Add(commendation);
        await db.SaveChangesAsync(ct);
        return commendation;
    }
}
