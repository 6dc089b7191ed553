using Civility.Domain;

namespace Civility.VillagePairing.Domain;

public enum CreationTaskStatus { Open, InProgress, Done, Overdue }

/// <summary>
/// A task handed down by the county civilization office (创建任务) to some units, with a deadline. Done when every
/// assigned unit has filed its evidence; overdue (by the schedule) when the deadline passes first.
/// </summary>
public sealed class CreationTask
{
    private readonly List<TaskAssignment> _assignments = [];

    private CreationTask() { }

    public CreationTask(string title, string basis, DateOnly deadline, IEnumerable<string> unitCodes, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Title = title;
        Basis = basis;
        Deadline = deadline;
        _assignments.AddRange(unitCodes.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => new TaskAssignment(c)));
        Status = CreationTaskStatus.Open;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The document the task comes from (e.g. the county's yearly creation plan, item 5).</summary>
    public string Basis { get; private set; } = "";

    public DateOnly Deadline { get; private set; }

    public CreationTaskStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>Changes with every filing, so two units filing at once cannot both miss that the task is now done.</summary>
    public DateTimeOffset? LastEvidenceAt { get; private set; }

    public IReadOnlyList<TaskAssignment> Assignments => _assignments;

    public TaskAssignment? AssignmentOf(string unitCode) =>
        _assignments.FirstOrDefault(a => string.Equals(a.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Files a unit's evidence; late evidence is still taken (the task stays on record as it was).</summary>
    public void SubmitEvidence(string unitCode, string evidence, DateTimeOffset now)
    {
        if (Status == CreationTaskStatus.Done)
            throw DomainRuleException.IllegalTransition("The task", "done", "submit-evidence", []);
        var assignment = AssignmentOf(unitCode)
            ?? throw new DomainRuleException(RuleKind.NotFound, "This unit has no part in the task.");
        assignment.Submit(evidence, now);
        LastEvidenceAt = now;
        if (_assignments.All(a => a.SubmittedAt is not null))
        {
            Status = CreationTaskStatus.Done;
            DoneAt = now;
        }
        else if (Status == CreationTaskStatus.Open)
        {
            Status = CreationTaskStatus.InProgress;
        }
    }

    /// <summary>Marks the task overdue if its deadline passed before it was done; returns whether it changed.</summary>
    public bool MarkOverdueIfLate(DateOnly today)
    {
        if (Status is CreationTaskStatus.Done or CreationTaskStatus.Overdue || today <= Deadline) return false;
        Status = CreationTaskStatus.Overdue;
        return true;
    }
}

public sealed class TaskAssignment
{
    private TaskAssignment() { }

    public TaskAssignment(string unitCode) => UnitCode = unitCode;

    public string UnitCode { get; private set; } = "";

    public string? Evidence { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    internal void Submit(string evidence, DateTimeOffset now)
    {
        Evidence = evidence;
        SubmittedAt = now;
    }
}
