using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Reviews;

/// <summary>Puts a client on a round's review panel with the unit it declared (利益冲突申报); once per round.</summary>
public sealed class AddReviewer(MoralModelsDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<RoundReviewer> ExecuteAsync(Guid roundId, string clientId, string? declaredUnitCode, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct)) throw DomainRuleException.NotFound("selection round");
        if (await db.Reviewers.AnyAsync(r => r.RoundId == roundId && r.ClientId == clientId, ct))
            throw DomainRuleException.Conflict("This reviewer is already on the round's panel.");
        var reviewer = new RoundReviewer(roundId, clientId, declaredUnitCode, clock.GetUtcNow());
        db.Reviewers.Add(reviewer);
        await db.SaveChangesAsync(ct);
        return reviewer;
    }
}
