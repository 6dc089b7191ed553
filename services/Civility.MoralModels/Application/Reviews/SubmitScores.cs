using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Reviews;

/// <summary>A panel member scores a nomination under review, once, unless it is of the unit they declared.</summary>
public sealed class SubmitScores(MoralModelsDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ReviewScore> ExecuteAsync(Guid nominationId, IReadOnlyList<CriterionScore> scores, CancellationToken ct)
    {
        var nomination = await db.NominationAsync(nominationId, caller, ct);
        var reviewer = await db.Reviewers.FirstOrDefaultAsync(r => r.RoundId == nomination.RoundId && r.ClientId == caller.ClientId, ct)
            ?? throw DomainRuleException.Rule("Only a member of the round's review panel scores nominations.");
        if (await db.Scores.AnyAsync(s => s.NominationId == nominationId && s.ReviewerClientId == reviewer.ClientId, ct))
            throw DomainRuleException.Conflict("You have already scored this nomination.");
        var review = new ReviewScore(nomination, reviewer, scores, clock.GetUtcNow());
        db.Scores.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }
}
