using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application.Reviews;

/// <summary>
/// A reviewer sees tallies and others' scores only for nominations they have scored themselves; a caller outside the
/// panel (an admin excepted) sees no scores while the nomination's review is open.
/// </summary>
internal static class ReviewVisibility
{
    /// <summary>
    /// Whether <paramref name="caller"/>, not on the panel (<paramref name="reviewer"/> null), may not see the scores yet.
    /// </summary>
    public static bool ScoresHiddenFromOutsider(CallerContext caller, RoundReviewer? reviewer, Nomination nomination) =>
        !caller.IsAdmin && reviewer is null && BlindReview.IsOpen(nomination);

    /// <summary>Nominations of the round whose tallies this caller may not see yet (none unless they are a reviewer).</summary>
    public static async Task<HashSet<Guid>> HiddenNominationsAsync(MoralModelsDbContext db, CallerContext caller, Guid roundId,
        CancellationToken ct)
    {
        if (caller.IsAdmin || caller.ClientId is not { } clientId) return [];
        if (!await db.Reviewers.AnyAsync(r => r.RoundId == roundId && r.ClientId == clientId, ct)) return [];
        var scored = db.Scores.Where(s => s.RoundId == roundId && s.ReviewerClientId == clientId).Select(s => s.NominationId);
        return (await db.Nominations.Where(n => n.RoundId == roundId && !scored.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct))
            .ToHashSet();
    }
}
