using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Workflow;

/// <summary>Under review → in publicity (公示) for the round's number of days, credit-gated.</summary>
public sealed class OpenPublicity(MoralModelsDbContext db, CallerContext caller, CreditGate gate, TimeProvider clock) : IUseCase
{
    public async Task<Nomination> ExecuteAsync(Guid id, string? reason, CancellationToken ct)
    {
        var nomination = await db.NominationAsync(id, caller, ct);
        // An illegal transition is a 409 before the gate is asked: a refusal would otherwise be kept for nothing.
        nomination.EnsureAllowed(Nomination.Publicize);
        await gate.EnsureClearAsync(Nomination.Publicize, nomination.IdHash, nomination.UnitCode, nomination.Id, caller.Actor, ct);
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == nomination.RoundId, ct);
        nomination.OpenPublicity(round.PublicityDays, caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return nomination;
    }
}
