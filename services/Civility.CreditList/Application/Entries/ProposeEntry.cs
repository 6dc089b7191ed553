using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

/// <summary>What a department proposes: the list, the decision behind it and how long it is published.</summary>
public sealed record EntryProposal(Guid SubjectId, ListType List, BlackTier? Tier, LegalBasis Basis, string Facts, string DecisionNumber,
    string DecidingDepartment, DateOnly ListingDate, DateOnly PublishedFrom, DateOnly PublishedUntil, string? InternalNote);

/// <summary>Proposes a red- or black-list entry about a registered subject; it waits for notice and activation.</summary>
public sealed class ProposeEntry(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// The subject is named in the proposal's body: one that does not exist is a wrong field (400), so the endpoint
    /// asks before it accepts the request.
    /// </summary>
    public Task<bool> SubjectExistsAsync(Guid subjectId, CancellationToken ct) => db.Subjects.AnyAsync(s => s.Id == subjectId, ct);

    public async Task<ListEntry> ExecuteAsync(EntryProposal proposal, CancellationToken ct)
    {
        var subject = (await db.Subjects.FirstOrDefaultAsync(s => s.Id == proposal.SubjectId, ct)).OrNotFound("subject");
        var entry = ListEntry.Propose(subject, proposal.List, proposal.Tier, proposal.Basis, proposal.Facts, proposal.DecisionNumber,
            proposal.DecidingDepartment, proposal.ListingDate, proposal.PublishedFrom, proposal.PublishedUntil, proposal.InternalNote,
            sourceKey: null, caller.Actor, clock.GetUtcNow());
        db.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
