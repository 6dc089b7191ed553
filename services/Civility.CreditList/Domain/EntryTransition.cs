namespace Civility.CreditList.Domain;

/// <summary>
/// One step in an entry's history: who did what, when and why. Append-only; its <see cref="Sequence"/> is also the
/// cursor of the export's change feed (allocated in commit order, see CreditDbContext).
/// </summary>
public sealed class EntryTransition
{
    private EntryTransition() { }

    public EntryTransition(Guid entryId, string action, EntryStatus from, EntryStatus to, string actor, string? reason, DateTimeOffset at)
    {
        EntryId = entryId;
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        Reason = reason;
        At = at;
    }

    public long Sequence { get; private set; }

    public Guid EntryId { get; private set; }

    /// <summary>propose, notify, activate, expire, repair, revoke, amend, objection-filed, objection-cleared, deadline-recounted.</summary>
    public string Action { get; private set; } = "";

    public EntryStatus From { get; private set; }

    public EntryStatus To { get; private set; }

    public string Actor { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}
