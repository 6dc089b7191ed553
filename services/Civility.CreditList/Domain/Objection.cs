using Civility.Hosting.Http;

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

    public Objection(Guid entryId, string filedBy, string grounds, DateOnly decideBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        FiledBy = filedBy;
        Grounds = grounds;
        DecideBy = decideBy;
        FiledAt = now;
        Status = ObjectionStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public string FiledBy { get; private set; } = "";
    public string Grounds { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public DateOnly DecideBy { get; private set; }
    public ObjectionStatus Status { get; private set; }

    /// <summary>The written reply (书面答复) to the objector.</summary>
    public string? Reply { get; private set; }

    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == ObjectionStatus.Pending && today > DecideBy;

    public void Decide(ObjectionStatus outcome, string reply, string actor, DateTimeOffset now)
    {
        if (Status != ObjectionStatus.Pending)
            throw DomainRuleException.IllegalTransition("The objection", JsonNames.Kebab(Status.ToString()), "decide", []);
        if (outcome == ObjectionStatus.Pending) throw DomainRuleException.Rule("A decision is either corrected or dismissed.");
        Status = outcome;
        Reply = reply;
        DecidedBy = actor;
        DecidedAt = now;
    }
}
