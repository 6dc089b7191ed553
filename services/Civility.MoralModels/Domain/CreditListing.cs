namespace Civility.MoralModels.Domain;

/// <summary>
/// The local view of one credit-list black-list entry (失信黑名单), built from the credit service's events. Kept
/// after it is lifted: gate decisions that relied on it still point at it.
/// </summary>
public sealed class CreditListing
{
    private CreditListing() { }

    public CreditListing(Guid entryId, string subjectKind, string subjectName, string maskedIdentifier, string? subjectKeyHash,
        string tier, string decisionNumber, DateOnly publishedFrom, DateOnly publishedUntil, DateTimeOffset now)
    {
        EntryId = entryId;
        SubjectKind = subjectKind;
        SubjectName = subjectName;
        MaskedIdentifier = maskedIdentifier;
        SubjectKeyHash = subjectKeyHash;
        OrganizationCode = string.Equals(subjectKind, "organization", StringComparison.OrdinalIgnoreCase)
            ? Civility.Domain.Identifiers.UnifiedSocialCreditCode.Normalize(maskedIdentifier)
            : null;
        Tier = tier;
        DecisionNumber = decisionNumber;
        PublishedFrom = publishedFrom;
        PublishedUntil = publishedUntil;
        ReceivedAt = now;
    }

    public Guid EntryId { get; private set; }

    public string SubjectKind { get; private set; } = "";

    public string SubjectName { get; private set; } = "";

    public string MaskedIdentifier { get; private set; } = "";

    /// <summary>For a person: the keyed hash of the citizen ID, equal to a nomination's <see cref="Nomination.IdHash"/>.</summary>
    public string? SubjectKeyHash { get; private set; }

    /// <summary>For an organization: its unified social credit code (public, so the credit list sends it unmasked).</summary>
    public string? OrganizationCode { get; private set; }

    public string Tier { get; private set; } = "";

    public string DecisionNumber { get; private set; } = "";

    public DateOnly PublishedFrom { get; private set; }

    public DateOnly PublishedUntil { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftReason { get; private set; }

    public bool IsActive => LiftedAt is null;

    public string Describe() => $"black-listed by decision {DecisionNumber} (entry {EntryId}, tier {Tier})";

    public void Lift(string reason, DateTimeOffset now)
    {
        if (LiftedAt is not null) return;
        LiftedAt = now;
        LiftReason = reason;
    }

    /// <summary>
    /// The lifting of an entry this service never saw listed. Events of different types travel on different queues, so
    /// a lifting can overtake its listing (after a backlog, say); keeping it means the listing, when it comes, finds the
    /// entry already over and suspends nothing. Its decision and tier are filled in then.
    /// </summary>
    public static CreditListing LiftedBeforeListed(
        Guid entryId, string subjectKind, string subjectName, string maskedIdentifier, string? subjectKeyHash, string reason,
        DateTimeOffset now)
    {
        var listing = new CreditListing(entryId, subjectKind, subjectName, maskedIdentifier, subjectKeyHash, tier: "", decisionNumber: "",
            publishedFrom: default, publishedUntil: default, now);
        listing.Lift(reason, now);
        return listing;
    }

    /// <summary>The listing's own details, when its event arrives after its lifting.</summary>
    public void FillIn(string tier, string decisionNumber, DateOnly publishedFrom, DateOnly publishedUntil)
    {
        if (DecisionNumber.Length > 0) return;
        Tier = tier;
        DecisionNumber = decisionNumber;
        PublishedFrom = publishedFrom;
        PublishedUntil = publishedUntil;
    }
}

/// <summary>One decision of the credit gate, with the listing it relied on (none when it let the action pass).</summary>
public sealed class CreditGateDecision
{
    private CreditGateDecision() { }

    public CreditGateDecision(string action, string? subjectKeyHash, string? unitCode, Guid? nominationId, Guid? listingEntryId,
        bool allowed, string actor, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Action = action;
        SubjectKeyHash = subjectKeyHash;
        UnitCode = unitCode;
        NominationId = nominationId;
        ListingEntryId = listingEntryId;
        Allowed = allowed;
        Actor = actor;
        DecidedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>nominate, publicize, commend, suspend, resume.</summary>
    public string Action { get; private set; } = "";

    public string? SubjectKeyHash { get; private set; }

    /// <summary>The nominee's unit, checked too: a black-listed unit's people are not honoured either.</summary>
    public string? UnitCode { get; private set; }

    public Guid? NominationId { get; private set; }

    public Guid? ListingEntryId { get; private set; }

    public bool Allowed { get; private set; }

    public string Actor { get; private set; } = "";

    public DateTimeOffset DecidedAt { get; private set; }
}
