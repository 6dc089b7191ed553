using Civility.Domain;

namespace Civility.MoralModels.Domain;

/// <summary>
/// A nomination in a selection round: nominated → under review → in publicity (公示) → selected or rejected →
/// commended. Every change is an explicit action that checks the current state and is kept as a transition.
/// </summary>
public sealed partial class Nomination : AggregateRoot
{
    public const string System = "system";

    private Nomination() { }

    public Nomination(SelectionRound round, NominationCategory category, GoodPersonKind? goodPersonKind, Nominee nominee,
        string nomineeKey, string unitCode, string deeds, string nominatorClientId, string? nominatorUnitCode, DateTimeOffset now)
    {
        round.EnsureAccepts(category);
        if (category == NominationCategory.GoodPerson && goodPersonKind is null)
            throw DomainRuleException.Rule("A good-person nomination names its kind.",
                "One of helping-others, honesty, dedication-to-work, filial-piety, bravery.");
        if (category != NominationCategory.GoodPerson && goodPersonKind is not null)
            throw DomainRuleException.Rule("Only good-person nominations have a kind.");
        if ((category == NominationCategory.CivilizedFamily) != (nominee.Kind == NomineeKind.Family))
            throw DomainRuleException.Rule("A civilized-family nomination names a family; the other categories name a person.");
        Id = Guid.CreateVersion7();
        RoundId = round.Id;
        Category = category;
        GoodPersonKind = goodPersonKind;
        NomineeKind = nominee.Kind;
        NomineeName = nominee.Name;
        IdHash = nominee.IdHash;
        IdEncrypted = nominee.IdEncrypted;
        IdMasked = nominee.IdMasked;
        FamilyMembers = [.. nominee.FamilyMembers];
        FamilyMotto = nominee.FamilyMotto;
        NomineeKeyHash = nomineeKey;
        UnitCode = unitCode;
        Deeds = deeds;
        NominatorClientId = nominatorClientId;
        NominatorUnitCode = nominatorUnitCode;
        Status = NominationStatus.Nominated;
        CreatedAt = now;
        _transitions.Add(new NominationTransition(Status, Status, "nominate", nominatorClientId, now, null, null));
        Record(new NominationSubmitted(this));
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public NominationCategory Category { get; private set; }

    public GoodPersonKind? GoodPersonKind { get; private set; }

    public NomineeKind NomineeKind { get; private set; }

    public string NomineeName { get; private set; } = "";

    /// <summary>Keyed hash of the nominee's citizen ID: the same in every service, so credit listings match it.</summary>
    public string? IdHash { get; private set; }

    public string? IdEncrypted { get; private set; }

    public string? IdMasked { get; private set; }

    public List<string> FamilyMembers { get; private set; } = [];

    public string? FamilyMotto { get; private set; }

    /// <summary>What makes two nominations "the same nominee" within a round (unique per round).</summary>
    public string NomineeKeyHash { get; private set; } = "";

    /// <summary>The nominee's unit, by CODE.</summary>
    public string UnitCode { get; private set; } = "";

    public string Deeds { get; private set; } = "";

    public string NominatorClientId { get; private set; } = "";

    public string? NominatorUnitCode { get; private set; }

    public NominationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublicityStart { get; private set; }

    public DateTimeOffset? PublicityEnd { get; private set; }

    /// <summary>While suspended: the state to return to, and why it stopped.</summary>
    public NominationStatus? ResumeTo { get; private set; }

    public SuspensionCause? SuspensionCause { get; private set; }

    public string? SuspensionReason { get; private set; }

    public Guid? SuspensionListingId { get; private set; }

    public DateTimeOffset? CommendedAt { get; private set; }

    /// <summary>
    /// A commended model taken off the public boards by a black-listing (of the model or their unit) after the
    /// commendation: the honour is kept with the reason until an admin revokes it or puts it back on the boards.
    /// </summary>
    public DateTimeOffset? OffBoardsSince { get; private set; }

    public string? OffBoardsReason { get; private set; }

    /// <summary>The listing that took the model off the boards.</summary>
    public Guid? OffBoardsListingId { get; private set; }

    /// <summary>Whether the public boards show this nomination: commended and not taken off them.</summary>
    public bool IsOnBoards => Status == NominationStatus.Commended && OffBoardsSince is null;

    public uint Version { get; private set; }

    private readonly List<NominationSupporter> _supporters = [];

    public IReadOnlyList<NominationSupporter> Supporters => _supporters;

    private readonly List<NominationTransition> _transitions = [];

    public IReadOnlyList<NominationTransition> Transitions => _transitions;

    /// <summary>Whether the nominee is still in the running (not closed: rejected, revoked).</summary>
    public bool IsOpen => Status is not (NominationStatus.Rejected or NominationStatus.Revoked);

    /// <summary>Merges a duplicate nomination: the second nominator becomes a supporter, nothing is stored twice.</summary>
    public void AddSupporter(string clientId, string? unitCode, string? note, DateTimeOffset now)
    {
        if (!IsOpen)
            throw DomainRuleException.Conflict("This nominee's nomination in the round is closed.", $"It was {KebabName.Of(Status)}.");
        if (NominatorClientId == clientId || _supporters.Any(s => s.ClientId == clientId))
            throw DomainRuleException.Conflict("You have already nominated this nominee in this round.");
        _supporters.Add(new NominationSupporter(clientId, unitCode, note, now));
    }
}
