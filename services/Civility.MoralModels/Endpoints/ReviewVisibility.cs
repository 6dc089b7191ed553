using Civility.MoralModels.Data;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Endpoints;

/// <summary>A reviewer sees tallies and others' scores only for nominations they have scored themselves.</summary>
internal static class ReviewVisibility
{
    /// <summary>Nominations of the round whose tallies this caller may not see yet (none unless they are a reviewer).</summary>
    public static async Task<HashSet<Guid>> HiddenNominationsAsync(MoralModelsDbContext db, CallerContext caller, Guid roundId, CancellationToken ct)
    {
        if (caller.IsAdmin || caller.ClientId is not { } clientId) return [];
        if (!await db.Reviewers.AnyAsync(r => r.RoundId == roundId && r.ClientId == clientId, ct)) return [];
        var scored = db.Scores.Where(s => s.RoundId == roundId && s.ReviewerClientId == clientId).Select(s => s.NominationId);
        return (await db.Nominations.Where(n => n.RoundId == roundId && !scored.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct)).ToHashSet();
    }
}
