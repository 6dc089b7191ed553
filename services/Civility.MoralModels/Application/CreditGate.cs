using Civility.Domain;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application;

/// <summary>
/// The credit gate (失信联合惩戒): neither a black-listed nominee nor a nominee of a black-listed unit may be nominated,
/// publicized or commended. Every decision is stored with the listing it relied on.
/// </summary>
public sealed class CreditGate(MoralModelsDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The oldest active black-listing of the person (by ID hash) or of their unit (by its credit code).</summary>
    public async Task<CreditListing?> ActiveListingForAsync(string? subjectKeyHash, string? unitCode,
        CancellationToken cancellationToken = default)
    {
        var unitCreditCode = unitCode is null
            ? null
            : await db.Units.Where(u => u.UnitCode == unitCode).Select(u => u.CreditCode).FirstOrDefaultAsync(cancellationToken);
        if (subjectKeyHash is null && unitCreditCode is null) return null;
        return await db.CreditListings
            .Where(l => l.LiftedAt == null
                && ((subjectKeyHash != null && l.SubjectKeyHash == subjectKeyHash)
                    || (unitCreditCode != null && l.OrganizationCode == unitCreditCode)))
            .OrderBy(l => l.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Lets the action pass, its decision added to the caller's unit of work; or refuses it with a 422 naming the
    /// listing, the refusal saved by itself first (<see cref="KeepRefusalAsync"/>).
    /// </summary>
    public async Task EnsureClearAsync(string action, string? subjectKeyHash, string unitCode, Guid? nominationId, string actor,
        CancellationToken cancellationToken = default)
    {
        var listing = await ActiveListingForAsync(subjectKeyHash, unitCode, cancellationToken);
        if (listing is null)
        {
            db.GateDecisions.Add(
                new CreditGateDecision(action, subjectKeyHash, unitCode, nominationId, null, true, actor, clock.GetUtcNow()));
            return;
        }

        await KeepRefusalAsync(
            new CreditGateDecision(action, subjectKeyHash, unitCode, nominationId, listing.EntryId, false, actor, clock.GetUtcNow()),
            cancellationToken);
        var who = listing.OrganizationCode is null ? "The nominee" : $"The nominee's unit {unitCode}";
        throw DomainRuleException.Rule($"{who} is on the credit black list: '{action}' is refused.",
            $"{who} is {listing.Describe()}.",
            new Dictionary<string, object?>
            {
                ["listingEntryId"] = listing.EntryId,
                ["decisionNumber"] = listing.DecisionNumber,
                ["tier"] = listing.Tier,
            });
    }

    /// <summary>
    /// A refusal is kept although the action it refuses saves nothing: so it is saved on a context of its own, in a
    /// transaction of its own. The caller's context is not touched: what it has pending (earlier decisions, models
    /// already marked) stays pending, neither saved with the refusal nor dropped behind its back, and a caller that
    /// works in a transaction cannot roll the refusal back with its own.
    /// </summary>
    private async Task KeepRefusalAsync(CreditGateDecision refusal, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<MoralModelsDbContext>();
        own.GateDecisions.Add(refusal);
        await own.SaveChangesAsync(cancellationToken);
    }
}
