using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Rounds;

/// <summary>A round as the admin plans it; no categories means all of them.</summary>
public sealed record RoundPlan(string Name, int Year, int PublicityDays, IReadOnlyList<NominationCategory>? Categories,
    DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, VoteVerification VoteVerification, bool PublicTally = false);

/// <summary>Opens a selection round (评选); round names are unique, as the bureau refers to rounds by name.</summary>
public sealed class OpenRound(MoralModelsDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<SelectionRound> ExecuteAsync(RoundPlan plan, CancellationToken ct)
    {
        if (await db.Rounds.AnyAsync(r => r.Name == plan.Name, ct))
            throw DomainRuleException.Conflict("A round with this name exists.", plan.Name);
        var round = new SelectionRound(plan.Name, plan.Year, plan.PublicityDays, clock.GetUtcNow(), plan.Categories,
            plan.VotingOpensAt, plan.VotingClosesAt, plan.VoteVerification, plan.PublicTally);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }
}
