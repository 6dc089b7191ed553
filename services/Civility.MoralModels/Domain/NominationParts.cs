namespace Civility.MoralModels.Domain;

/// <summary>One step of a nomination's workflow, kept for good: who, when, why, and the listing a gate relied on.</summary>
public sealed class NominationTransition
{
    private NominationTransition() { }

    internal NominationTransition(NominationStatus from, NominationStatus to, string action, string actor, DateTimeOffset at,
        string? reason, Guid? listingEntryId)
    {
        From = from;
        To = to;
        Action = action;
        Actor = actor;
        At = at;
        Reason = reason;
        ListingEntryId = listingEntryId;
    }

    public long Id { get; private set; }

    public NominationStatus From { get; private set; }

    public NominationStatus To { get; private set; }

    public string Action { get; private set; } = "";

    /// <summary>The client that acted, or <c>system</c> for a consumed event.</summary>
    public string Actor { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Reason { get; private set; }

    public Guid? ListingEntryId { get; private set; }
}

/// <summary>A second (third...) nominator of the same nominee in the same round: merged, not stored twice.</summary>
public sealed class NominationSupporter
{
    private NominationSupporter() { }

    internal NominationSupporter(string clientId, string? unitCode, string? note, DateTimeOffset at)
    {
        ClientId = clientId;
        UnitCode = unitCode;
        Note = note;
        At = at;
    }

    public long Id { get; private set; }

    public string ClientId { get; private set; } = "";

    public string? UnitCode { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>The nominee: a person (ID kept protected) or a family (members and family motto, 家训).</summary>
public sealed record Nominee(NomineeKind Kind, string Name, string? IdHash, string? IdEncrypted, string? IdMasked,
    IReadOnlyList<string> FamilyMembers, string? FamilyMotto);
