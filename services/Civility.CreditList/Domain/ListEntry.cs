using Civility.CreditList.Domain.Calendar;
using Civility.Domain;

namespace Civility.CreditList.Domain;

/// <summary>The legal ground of a decision: the law or regulation and its article.</summary>
public sealed record LegalBasis(string Law, string Article);

/// <summary>
/// A red- or black-list entry about one subject. Nothing is ever deleted: every step is a transition in
/// <see cref="History"/>, and a lifted entry stays, closed with its reason ("formerly listed"). What other services
/// hear of — a listing published or lifted, an objection, a deadline counted again — the entry records itself.
/// </summary>
public sealed class ListEntry : AggregateRoot
{
    private readonly List<EntryTransition> _history = [];

    private ListEntry() { }

    public static ListEntry Propose(
        CreditSubject subject, ListType list, BlackTier? tier, LegalBasis basis, string facts, string decisionNumber,
        string department, DateOnly listingDate, DateOnly publishedFrom, DateOnly publishedUntil,
        string? internalNote, string? sourceKey, string actor, DateTimeOffset now)
    {
        if (list == ListType.Black && tier is null) throw DomainRuleException.Rule("A black-list entry needs a tier.");
        if (list == ListType.Red && tier is not null) throw DomainRuleException.Rule("Tiers apply to the black list only.");
        if (PublicationRules.Check(list, tier, publishedFrom, publishedUntil) is { } problem)
            throw DomainRuleException.Rule("The publication period does not fit the tier.", problem);
        var entry = new ListEntry
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            Subject = subject,
            ListType = list,
            Tier = tier,
            LegalBasisLaw = basis.Law,
            LegalBasisArticle = basis.Article,
            Facts = facts,
            DecisionNumber = decisionNumber,
            DecidingDepartment = department,
            ListingDate = listingDate,
            PublishedFrom = publishedFrom,
            PublishedUntil = publishedUntil,
            InternalNote = internalNote,
            SourceKey = sourceKey,
            Status = EntryStatus.Proposed,
            CreatedAt = now,
        };
        entry.MoveTo("propose", EntryStatus.Proposed, actor, null, now);
        return entry;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }

    /// <summary>Whom the entry is about: every announcement of it names the subject, as it is when announced.</summary>
    public CreditSubject Subject { get; private set; } = null!;

    public ListType ListType { get; private set; }
    public BlackTier? Tier { get; private set; }
    public string LegalBasisLaw { get; private set; } = "";
    public string LegalBasisArticle { get; private set; } = "";
    public string Facts { get; private set; } = "";
    public string DecisionNumber { get; private set; } = "";
    public string DecidingDepartment { get; private set; } = "";
    public DateOnly ListingDate { get; private set; }
    public DateOnly PublishedFrom { get; private set; }
    public DateOnly PublishedUntil { get; private set; }

    /// <summary>For the department only: never in a public answer, an export or an event.</summary>
    public string? InternalNote { get; private set; }

    /// <summary>Where an automatic proposal came from (e.g. a commendation), so it is proposed once.</summary>
    public string? SourceKey { get; private set; }

    public EntryStatus Status { get; private set; }

    /// <summary>The last day the subject may make a statement (陈述申辩) after being notified.</summary>
    public DateOnly? StatementDeadline { get; private set; }

    /// <summary>How <see cref="StatementDeadline"/> was counted, and whether on a provisional calendar.</summary>
    public DeadlineCount? StatementDeadlineCount { get; private set; }

    /// <summary>An objection (异议) is pending: the entry is marked as disputed until it is decided.</summary>
    public bool UnderObjection { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL xmin): two deciders cannot both move the same entry.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<EntryTransition> History => _history;

    /// <summary>It was active once and is closed now: shown internally as "formerly listed".</summary>
    public bool FormerlyListed => ActivatedAt is not null && IsClosed;

    public bool IsClosed => Status is EntryStatus.Expired or EntryStatus.Repaired or EntryStatus.Revoked;

    /// <summary>In force on <paramref name="today"/>: active and inside its publication period.</summary>
    public bool InForceOn(DateOnly today) => Status == EntryStatus.Active && PublishedFrom <= today && today <= PublishedUntil;

    public static IReadOnlyList<string> AllowedActions(EntryStatus status) => status switch
    {
        EntryStatus.Proposed => ["notify", "revoke", "amend"],
        EntryStatus.Notified => ["activate", "revoke", "amend"],
        EntryStatus.Active => ["revoke", "amend"],
        _ => [],
    };

    /// <summary>The subject is told the reasons, basis and rights (告知); the statement period starts.</summary>
    public void Notify(DeadlineCount? statementDeadline, string actor, string? reason, DateTimeOffset now)
    {
        Require("notify", EntryStatus.Proposed);
        if (DecisionNumber.Length == 0 || LegalBasisLaw.Length == 0)
            throw DomainRuleException.Rule("The entry needs a decision number and a legal basis before the subject is notified.",
                "Amend the proposal with them first.");
        (StatementDeadline, StatementDeadlineCount) = (statementDeadline?.Counted, statementDeadline);
        MoveTo("notify", EntryStatus.Notified, actor, reason, now);
    }

    /// <summary>Listed and published; only after the statement period has ended.</summary>
    public void Activate(DateOnly today, string actor, string? reason, DateTimeOffset now)
    {
        Require("activate", EntryStatus.Notified);
        if (StatementDeadline is { } deadline && today <= deadline)
            throw DomainRuleException.Rule("The subject's statement period has not ended.",
                $"The subject may make a statement until {deadline:yyyy-MM-dd}; activate from the next day.",
                new Dictionary<string, object?> { ["statementDeadline"] = deadline });
        ActivatedAt = now;
        MoveTo("activate", EntryStatus.Active, actor, reason, now);
        Record(new EntryActivated(this));
    }

    public void Revoke(string actor, string reason, DateTimeOffset now)
    {
        Require("revoke", EntryStatus.Proposed, EntryStatus.Notified, EntryStatus.Active);
        Close(EntryStatus.Revoked, "revoke", actor, reason, now);
    }

    /// <summary>The publication period ended (by the expiry job).</summary>
    public void Expire(DateTimeOffset now)
    {
        Require("expire", EntryStatus.Active);
        Close(EntryStatus.Expired, "expire", "system", "The publication period ended.", now);
    }

    /// <summary>
    /// Whether a repair (信用修复) may be applied for on <paramref name="today"/>: only for an active black-list
    /// entry, and only once its tier's minimum publication (<paramref name="minimumMonths"/>) has passed.
    /// </summary>
    public void EnsureRepairableOn(DateOnly today, Func<BlackTier, int> minimumMonths)
    {
        if (ListType != ListType.Black || Status != EntryStatus.Active)
            throw DomainRuleException.Rule("Only an active black-list entry can be repaired.",
                $"The entry is a {KebabName.Of(ListType)}-list entry, {KebabName.Of(Status)}.");
        var earliest = PublishedFrom.AddMonths(minimumMonths(Tier!.Value));
        if (today < earliest)
            throw DomainRuleException.Rule("The minimum publication period has not passed.",
                $"A {KebabName.Of(Tier!.Value)} entry may be repaired from {earliest:yyyy-MM-dd}.",
                new Dictionary<string, object?> { ["earliest"] = earliest });
    }

    /// <summary>Credit repair (信用修复) approved.</summary>
    public void Repair(string actor, string reason, DateTimeOffset now)
    {
        Require("repair", EntryStatus.Active);
        if (ListType != ListType.Black) throw DomainRuleException.Rule("Only black-list entries are repaired.");
        Close(EntryStatus.Repaired, "repair", actor, reason, now);
    }

    /// <summary>Corrects the facts or shortens/extends the period (e.g. after an upheld objection); the tier rule still holds.</summary>
    public void Amend(string? facts, DateOnly? publishedUntil, string? decisionNumber, LegalBasis? basis, string actor, string reason,
        DateTimeOffset now)
    {
        Require("amend", EntryStatus.Proposed, EntryStatus.Notified, EntryStatus.Active);
        var until = publishedUntil ?? PublishedUntil;
        if (PublicationRules.Check(ListType, Tier, PublishedFrom, until) is { } problem)
            throw DomainRuleException.Rule("The publication period does not fit the tier.", problem);
        Facts = facts ?? Facts;
        PublishedUntil = until;
        DecisionNumber = decisionNumber ?? DecisionNumber;
        if (basis is not null) (LegalBasisLaw, LegalBasisArticle) = (basis.Law, basis.Article);
        MoveTo("amend", Status, actor, reason, now);
    }

    /// <summary>Counts the statement period again on <paramref name="calendar"/> once <paramref name="year"/> is official.</summary>
    public DeadlineRecount? RecountStatementDeadline(WorkingDayCalendar calendar, int year)
    {
        if (Status != EntryStatus.Notified || StatementDeadline is not { } given || StatementDeadlineCount is not { } count) return null;
        if (DeadlineRecount.Of(DeadlineKind.Statement, given, count, calendar, year) is not { } recount) return null;
        (StatementDeadline, StatementDeadlineCount) = (recount.Due, recount.Count);
        return recount;
    }

    /// <summary>
    /// A deadline of this entry (its own, or the decision date of its objection or repair application
    /// <paramref name="caseId"/>) was counted again on a new notice: kept in the history and announced.
    /// </summary>
    public void RecordDeadlineRecount(Guid? caseId, DeadlineRecount recount, HolidayNotice notice, string actor, DateTimeOffset now)
    {
        MoveTo("deadline-recounted", Status, actor, recount.Describe(notice), now);
        Record(new EntryDeadlineRecounted(this, caseId, recount));
    }

    /// <summary>
    /// An objection (异议) to the entry: the entry is marked at once and the objection is to be decided by
    /// <paramref name="decideBy"/>. One objection at a time.
    /// </summary>
    public Objection FileObjection(string filedBy, string grounds, DeadlineCount decideBy, string actor, DateTimeOffset now)
    {
        if (Status is not (EntryStatus.Notified or EntryStatus.Active))
            throw DomainRuleException.IllegalTransition("The entry", KebabName.Of(Status), "object", AllowedActions(Status));
        if (UnderObjection) throw DomainRuleException.Conflict("An objection to this entry is already pending.");
        UnderObjection = true;
        MoveTo("objection-filed", Status, actor, grounds, now);
        var objection = new Objection(Id, filedBy, grounds, decideBy, now);
        Record(new EntryPutUnderObjection(this, objection));
        return objection;
    }

    public void ClearObjection(string actor, string reply, DateTimeOffset now)
    {
        UnderObjection = false;
        MoveTo("objection-cleared", Status, actor, reply, now);
    }

    /// <summary>Closes the entry; a listing that was in force is lifted, a proposal never published is not announced.</summary>
    private void Close(EntryStatus to, string action, string actor, string reason, DateTimeOffset now)
    {
        var wasInForce = Status == EntryStatus.Active;
        UnderObjection = false;
        ClosedAt = now;
        MoveTo(action, to, actor, reason, now);
        if (wasInForce) Record(new EntryLifted(this, to));
    }

    private void Require(string action, params EntryStatus[] from)
    {
        if (!from.Contains(Status))
            throw DomainRuleException.IllegalTransition("The entry", KebabName.Of(Status), action, AllowedActions(Status));
    }

    /// <summary>Every step goes into the history, including those that leave the status as it is.</summary>
    private void MoveTo(string action, EntryStatus to, string actor, string? reason, DateTimeOffset now)
    {
        _history.Add(new EntryTransition(Id, action, Status, to, actor, reason, now));
        Status = to;
    }
}
