using System.Security.Cryptography;
using Civility.CreditList.Domain.Calendar;
using Civility.Domain;

namespace Civility.CreditList.Domain;

public enum RepairStatus { Submitted, Approved, Rejected }

/// <summary>
/// A credit repair application (信用修复): proof that the wrong was corrected and a signed credit commitment
/// (信用承诺书). Anyone holding the query code may follow its progress.
/// </summary>
public sealed class RepairApplication
{
    // No 0/O/1/I/L: a code read out over the phone must not be misheard.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private RepairApplication() { }

    public RepairApplication(
        Guid entryId, string applicant, string proofOfCorrection, string commitment, DeadlineCount decideBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        Applicant = applicant;
        ProofOfCorrection = proofOfCorrection;
        Commitment = commitment;
        DecideBy = decideBy.Counted;
        DecideByCount = decideBy;
        SubmittedAt = now;
        Status = RepairStatus.Submitted;
        QueryCode = NewQueryCode();
    }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public string QueryCode { get; private set; } = "";
    public string Applicant { get; private set; } = "";
    public string ProofOfCorrection { get; private set; } = "";
    public string Commitment { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>The decision date given to the applicant; never earlier than first given.</summary>
    public DateOnly DecideBy { get; private set; }

    /// <summary>How <see cref="DecideBy"/> was counted, and whether on a provisional calendar.</summary>
    public DeadlineCount DecideByCount { get; private set; } = null!;

    /// <summary>Optimistic concurrency (PostgreSQL xmin): a decision and a recount of its date cannot cross.</summary>
    public uint Version { get; private set; }
    public RepairStatus Status { get; private set; }
    public string? Reply { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Counts the decision date again on <paramref name="calendar"/> once <paramref name="year"/> is official.</summary>
    public DeadlineRecount? RecountDecideBy(WorkingDayCalendar calendar, int year)
    {
        if (Status != RepairStatus.Submitted) return null;
        if (DeadlineRecount.Of(DeadlineKind.RepairDecision, DecideBy, DecideByCount, calendar, year) is not { } recount) return null;
        (DecideBy, DecideByCount) = (recount.Due, recount.Count);
        return recount;
    }

    public void Decide(bool approve, string reply, string actor, DateTimeOffset now)
    {
        if (Status != RepairStatus.Submitted)
            throw DomainRuleException.IllegalTransition("The repair application", KebabName.Of(Status.ToString()), "decide", []);
        Status = approve ? RepairStatus.Approved : RepairStatus.Rejected;
        Reply = reply;
        DecidedBy = actor;
        DecidedAt = now;
    }

    private static string NewQueryCode() => RandomNumberGenerator.GetString(CodeAlphabet, 12);
}
