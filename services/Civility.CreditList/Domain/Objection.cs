using Civility.CreditList.Domain.Calendar;
using Civility.Domain;

namespace Civility.CreditList.Domain;

public enum ObjectionStatus { Pending, Corrected, Dismissed }

/// <summary>
/// An objection (异议) to an entry: the entry is marked at once, and the objection must be verified and answered in
/// writing within <see cref="DecisionWorkingDays"/> working days.
/// </summary>
public sealed class Objection
{
    public const int DecisionWorkingDays = 20;

    private Objection() { }

    public Objection(Guid entryId, string filedBy, string grounds, DeadlineCount decideBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        FiledBy = filedBy;
        Grounds = grounds;
        DecideBy = decideBy.Counted;
        DecideByCount = decideBy;
        FiledAt = now;
        Status = ObjectionStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public string FiledBy { get; private set; } = "";
    public string Grounds { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    /// <summary>The decision date given to the objector; never earlier than first given.</summary>
    public DateOnly DecideBy { get; private set; }

    /// <summary>How <see cref="DecideBy"/> was counted, and whether on a provisional calendar.</summary>
    public DeadlineCount DecideByCount { get; private set; } = null!;

    /// <summary>Optimistic concurrency (PostgreSQL xmin): a decision and a recount of its date cannot cross.</summary>
    public uint Version { get; private set; }
    public ObjectionStatus Status { get; private set; }

    /// <summary>The written reply (书面答复) to the objector.</summary>
    public string? Reply { get; private set; }

    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == ObjectionStatus.Pending && today > DecideBy;

    /// <summary>Counts the decision date again on <paramref name="calendar"/> once <paramref name="year"/> is official.</summary>
    public DeadlineRecount? RecountDecideBy(WorkingDayCalendar calendar, int year)
    {
        if (Status != ObjectionStatus.Pending) return null;
        if (DeadlineRecount.Of(DeadlineKind.ObjectionDecision, DecideBy, DecideByCount, calendar, year) is not { } recount) return null;
        (DecideBy, DecideByCount) = (recount.Due, recount.Count);
        return recount;
    }

    public void Decide(ObjectionStatus outcome, string reply, string actor, DateTimeOffset now)
    {
        if (Status != ObjectionStatus.Pending)
            throw DomainRuleException.IllegalTransition("The objection", KebabName.Of(Status.ToString()), "decide", []);
        if (outcome == ObjectionStatus.Pending) throw DomainRuleException.Rule("A decision is either corrected or dismissed.");
        Status = outcome;
        Reply = reply;
        DecidedBy = actor;
        DecidedAt = now;
    }
}
