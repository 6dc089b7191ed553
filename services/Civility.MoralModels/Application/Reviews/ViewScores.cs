using Civility.Domain;
using Civility.Hosting.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Reviews;

/// <summary>
/// The scores and tally a caller may see. <paramref name="ScoresHidden"/>: scores may exist that this caller may not
/// see yet; <paramref name="Votes"/> is null while the tally is hidden too.
/// </summary>
public sealed record ScoresView(bool OwnScoreSubmitted, IReadOnlyList<ReviewScore> Scores, long? Votes, bool ScoresHidden);

/// <summary>
/// Blind review (盲评): a reviewer sees every score and the tally only after scoring; anyone else outside the panel (an
/// admin excepted) sees no scores until the nomination's review is over. A reviewer never sees their own unit's.
/// </summary>
public sealed class ViewScores(MoralModelsDbContext db, CallerContext caller) : IUseCase
{
    public async Task<ScoresView> ExecuteAsync(Guid nominationId, CancellationToken ct)
    {
        var nomination = (await db.Nominations.AsNoTracking().Visible(caller).FirstOrDefaultAsync(n => n.Id == nominationId, ct))
            .OrNotFound("nomination");
        var reviewer = caller.IsAdmin ? null
            : await db.Reviewers.AsNoTracking()
                .FirstOrDefaultAsync(r => r.RoundId == nomination.RoundId && r.ClientId == caller.ClientId, ct);
        if (reviewer is not null && reviewer.HasConflictWith(nomination))
            throw DomainRuleException.Rule("Conflict of interest: this reviewer is excluded from nominations of their own unit.");
        var all = await db.Scores.AsNoTracking().Where(s => s.NominationId == nominationId).OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        var own = reviewer is not null && all.Any(s => s.ReviewerClientId == reviewer.ClientId);
        if (reviewer is not null && !own) return new ScoresView(false, [], null, ScoresHidden: true);
        var votes = await db.Votes.LongCountAsync(v => v.NominationId == nominationId, ct);
        // A unit or partner reading the round would otherwise learn every score and reviewer while the panel is still at
        // work. The tally stays as the voting API shows it to them.
        if (ReviewVisibility.ScoresHiddenFromOutsider(caller, reviewer, nomination))
            return new ScoresView(false, [], votes, ScoresHidden: true);
        return new ScoresView(own, all, votes, ScoresHidden: false);
    }
}
