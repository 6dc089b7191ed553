using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

public sealed record ActiveEntryRow(Guid EntryId, Guid SubjectId, SubjectKind SubjectKind, string SubjectName, string Identifier,
    ListType ListType, BlackTier? Tier, string DecisionNumber, string DecidingDepartment, DateOnly PublishedFrom, DateOnly PublishedUntil,
    bool UnderObjection);

/// <summary>Every active entry with its subject, read as it is streamed out (county systems take tens of thousands).</summary>
public sealed class ExportActiveEntries(CreditDbContext db) : IUseCase
{
    public IAsyncEnumerable<ActiveEntryRow> Execute() =>
        db.Entries.AsNoTracking().Where(e => e.Status == EntryStatus.Active)
            .Join(db.Subjects, e => e.SubjectId, s => s.Id, (e, s) => new { e, s })
            .OrderBy(x => x.e.Id)
            .Select(x => new ActiveEntryRow(x.e.Id, x.e.SubjectId, x.s.Kind, x.s.Name, x.s.DisplayIdentifier, x.e.ListType, x.e.Tier,
                x.e.DecisionNumber, x.e.DecidingDepartment, x.e.PublishedFrom, x.e.PublishedUntil, x.e.UnderObjection))
            .AsAsyncEnumerable();
}

public sealed record EntryChangeRow(long Cursor, Guid EntryId, string Action, EntryStatus From, EntryStatus To, DateTimeOffset At,
    Guid SubjectId, SubjectKind SubjectKind, string SubjectName, string Identifier, ListType ListType, BlackTier? Tier);

/// <summary>
/// The history steps after a cursor, in order, with their entry and subject. The cursor is the step's sequence,
/// handed out in commit order (see CreditDbContext), so a client resuming after the last one it stored receives
/// each change exactly once.
/// </summary>
public sealed class ExportEntryChanges(CreditDbContext db) : IUseCase
{
    public IAsyncEnumerable<EntryChangeRow> Execute(long after, int limit) =>
        db.Transitions.AsNoTracking().Where(t => t.Sequence > after)
            .OrderBy(t => t.Sequence).Take(limit)
            .Join(db.Entries, t => t.EntryId, e => e.Id, (t, e) => new { t, e })
            .Join(db.Subjects, x => x.e.SubjectId, s => s.Id, (x, s) => new { x.t, x.e, s })
            .OrderBy(x => x.t.Sequence)
            .Select(x => new EntryChangeRow(x.t.Sequence, x.t.EntryId, x.t.Action, x.t.From, x.t.To, x.t.At, x.e.SubjectId, x.s.Kind,
                x.s.Name, x.s.DisplayIdentifier, x.e.ListType, x.e.Tier))
            .AsAsyncEnumerable();
}
