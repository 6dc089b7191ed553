using Civility.Hosting.Http;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application;

/// <summary>
/// The credit gate (失信联合惩戒): a black-listed nominee may not be nominated, publicized or commended. Every
/// decision is stored with the listing it relied on, in the caller's unit of work.
/// </summary>
public sealed class CreditGate(MoralModelsDbContext db, TimeProvider clock)
{
    public Task<CreditListing?> ActiveListingForAsync(string? subjectKeyHash, CancellationToken cancellationToken = default) =>
        subjectKeyHash is null
            ? Task.FromResult<CreditListing?>(null)
            : db.CreditListings.Where(l => l.SubjectKeyHash == subjectKeyHash && l.LiftedAt == null)
                .OrderBy(l => l.ReceivedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the decision; when refused, saves it at once (the refused action saves nothing else) and throws 422
    /// naming the listing.
    /// </summary>
    public async Task EnsureClearAsync(string action, string? subjectKeyHash, Guid? nominationId, string actor, CancellationToken cancellationToken = default)
    {
        var listing = await ActiveListingForAsync(subjectKeyHash, cancellationToken);
        if (listing is null)
        {
            db.GateDecisions.Add(new CreditGateDecision(action, subjectKeyHash, nominationId, null, true, actor, clock.GetUtcNow()));
            return;
        }

        db.ChangeTracker.Clear();
        db.GateDecisions.Add(new CreditGateDecision(action, subjectKeyHash, nominationId, listing.EntryId, false, actor, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        throw DomainRuleException.Rule($"The nominee is on the credit black list: '{action}' is refused.",
            $"The nominee is {listing.Describe()}.",
            new Dictionary<string, object?>
            {
                ["listingEntryId"] = listing.EntryId,
                ["decisionNumber"] = listing.DecisionNumber,
                ["tier"] = listing.Tier,
            });
    }
}
