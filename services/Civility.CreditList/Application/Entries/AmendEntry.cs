using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;

namespace Civility.CreditList.Application.Entries;

/// <summary>What an amendment changes; whatever is null stays as it is.</summary>
public sealed record Amendment(string? Facts, DateOnly? PublishedUntil, string? DecisionNumber, LegalBasis? Basis)
{
    public bool ChangesNothing => Facts is null && PublishedUntil is null && DecisionNumber is null && Basis is null;
}

/// <summary>Corrects an entry's facts, decision or publication period, with a reason kept in its history.</summary>
public sealed class AmendEntry(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    public async Task<ListEntry> ExecuteAsync(Guid id, Amendment change, string reason, CancellationToken ct)
    {
        var entry = await db.EntryForChangeAsync(id, ct);
        entry.Amend(change.Facts, change.PublishedUntil, change.DecisionNumber, change.Basis, caller.Actor, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
