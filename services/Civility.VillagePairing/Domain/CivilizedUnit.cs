using Civility.Domain;

namespace Civility.VillagePairing.Domain;

public enum TitleLevel { County, City, Province }

public enum TitleStatus { Active, Warned, UnderRectification, Revoked, Lapsed }

/// <summary>What may be done to a title by hand; lapsing is done by the schedule only.</summary>
public enum TitleAction { Warn, OrderRectification, Restore, Revoke, Renew }

/// <summary>
/// A unit's civilized-unit title (文明单位). Its status moves only through <see cref="Apply"/> (an explicit action
/// by someone, with a reason), <see cref="Veto"/> (one-vote veto, 一票否决) or <see cref="Lapse"/> (review missed);
/// every move is kept.
/// </summary>
public sealed class CivilizedUnit : AggregateRoot
{
    public const int DefaultTermYears = 3;

    private readonly List<TitleStatusChange> _history = [];

    private CivilizedUnit() { }

    public CivilizedUnit(
        string unitCode, string name, string creditCode, TitleLevel level, DateOnly termStart, int termYears, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        UnitCode = unitCode;
        Name = name;
        CreditCode = creditCode;
        Level = level;
        TermStart = termStart;
        TermEnd = termStart.AddYears(termYears).AddDays(-1);
        ReviewDeadline = TermEnd;
        Status = TitleStatus.Active;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The bureau's unit code: what a unit-scoped client's unit_id holds.</summary>
    public string UnitCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Unified social credit code; how the credit list names this unit.</summary>
    public string CreditCode { get; private set; } = "";

    public TitleLevel Level { get; private set; }

    public DateOnly TermStart { get; private set; }

    public DateOnly TermEnd { get; private set; }

    /// <summary>The title lapses if no review (renewal) is recorded by this day.</summary>
    public DateOnly ReviewDeadline { get; private set; }

    public TitleStatus Status { get; private set; }

    /// <summary>Set by the one-vote veto: revocation is proposed, an admin decides.</summary>
    public bool RevocationProposed { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<TitleStatusChange> History => _history;

    public static IReadOnlyList<TitleAction> AllowedActions(TitleStatus status) => status switch
    {
        TitleStatus.Active => [TitleAction.Warn, TitleAction.OrderRectification, TitleAction.Revoke, TitleAction.Renew],
        TitleStatus.Warned => [TitleAction.OrderRectification, TitleAction.Restore, TitleAction.Revoke],
        TitleStatus.UnderRectification => [TitleAction.Restore, TitleAction.Revoke],
        _ => [],
    };

    public bool IsTerminal => Status is TitleStatus.Revoked or TitleStatus.Lapsed;

    /// <summary>Applies an explicit action; a renewal (review passed) keeps the status and starts a new term.</summary>
    public TitleStatusChange Apply(TitleAction action, string by, string reason, DateTimeOffset now, int termYears = DefaultTermYears)
    {
        var allowed = AllowedActions(Status);
        if (!allowed.Contains(action))
            throw DomainRuleException.IllegalTransition(
                "The title", KebabName.Of(Status), KebabName.Of(action), allowed.Select(a => KebabName.Of(a)));
        var to = action switch
        {
            TitleAction.Warn => TitleStatus.Warned,
            TitleAction.OrderRectification => TitleStatus.UnderRectification,
            TitleAction.Restore => TitleStatus.Active,
            TitleAction.Revoke => TitleStatus.Revoked,
            _ => TitleStatus.Active,
        };
        if (action == TitleAction.Renew)
        {
            // A passed review (复查) starts a new term from the day after the old one ends.
            TermStart = TermEnd.AddDays(1);
            TermEnd = TermStart.AddYears(termYears).AddDays(-1);
            ReviewDeadline = TermEnd;
        }
        if (action is TitleAction.Restore or TitleAction.Revoke) RevocationProposed = false;
        return Move(to, KebabName.Of(action), by, reason, now);
    }

    /// <summary>
    /// One-vote veto: the unit was black-listed. Warns at once (if not already warned or closed) and proposes
    /// revocation; null when nothing changed.
    /// </summary>
    public TitleStatusChange? Veto(string reason, DateTimeOffset now)
    {
        if (IsTerminal) return null;
        RevocationProposed = true;
        return Status == TitleStatus.Warned ? null : Move(TitleStatus.Warned, "veto", "credit-list", reason, now);
    }

    /// <summary>The review deadline passed without a renewal.</summary>
    public TitleStatusChange? Lapse(DateOnly today, DateTimeOffset now) =>
        IsTerminal || today <= ReviewDeadline
            ? null
            : Move(TitleStatus.Lapsed, "lapse", "schedule", $"No review recorded by {ReviewDeadline:yyyy-MM-dd}.", now);

    /// <summary>
    /// The black-listing behind a veto was lifted. Kept in the history for the admin who decides; the status and the
    /// revocation proposal stay as they are.
    /// </summary>
    public void NoteListingLifted(string reason, DateTimeOffset now) =>
        _history.Add(new TitleStatusChange(Status, Status, "listing-lifted", "credit-list", reason, now));

    private TitleStatusChange Move(TitleStatus to, string action, string by, string reason, DateTimeOffset now)
    {
        var change = new TitleStatusChange(Status, to, action, by, reason, now);
        _history.Add(change);
        if (to != Status) Record(new TitleStatusMoved(this, Status, to, reason));
        Status = to;
        return change;
    }
}

/// <summary>One move of a title's status: who, when, why. Kept for good.</summary>
public sealed class TitleStatusChange
{
    private TitleStatusChange() { }

    public TitleStatusChange(TitleStatus from, TitleStatus to, string action, string by, string reason, DateTimeOffset at)
    {
        From = from;
        To = to;
        Action = action;
        By = by;
        Reason = reason;
        At = at;
    }

    public TitleStatus From { get; private set; }

    public TitleStatus To { get; private set; }

    public string Action { get; private set; } = "";

    public string By { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
