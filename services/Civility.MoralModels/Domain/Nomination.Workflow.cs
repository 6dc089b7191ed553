using Civility.Domain;

namespace Civility.MoralModels.Domain;

public sealed partial class Nomination
{
    public const string Review = "review", Publicize = "publicize", Select = "select", Reject = "reject",
        Commend = "commend", Suspend = "suspend", Resume = "resume", Revoke = "revoke",
        TakeOffBoards = "take-off-boards", RestoreToBoards = "restore-to-boards";

    /// <summary>The actions an operator may take from each state; everything else is an illegal transition (409).</summary>
    public static IReadOnlyList<string> AllowedFrom(NominationStatus status) => status switch
    {
        NominationStatus.Nominated => [Review, Reject],
        NominationStatus.UnderReview => [Publicize, Reject],
        NominationStatus.InPublicity => [Select, Reject],
        NominationStatus.Suspended => [Resume, Reject],
        NominationStatus.Selected => [Commend],
        NominationStatus.Commended => [Revoke],
        _ => [],
    };

    public IReadOnlyList<string> AllowedActions =>
        Status == NominationStatus.Commended && OffBoardsSince is not null
            ? [.. AllowedFrom(Status), RestoreToBoards]
            : AllowedFrom(Status);

    public void StartReview(string actor, string? reason, DateTimeOffset now) =>
        Move(Review, NominationStatus.UnderReview, actor, reason, now);

    /// <summary>Opens the publicity window (公示) of the round's length, from now.</summary>
    public void OpenPublicity(int days, string actor, string? reason, DateTimeOffset now)
    {
        Move(Publicize, NominationStatus.InPublicity, actor, reason, now);
        PublicityStart = now;
        PublicityEnd = now.AddDays(days);
        Record(new NominationPublicized(this, now, PublicityEnd.Value));
    }

    public bool IsInPublicityWindow(DateTimeOffset now) =>
        PublicityStart is { } start && PublicityEnd is { } end && now >= start && now < end;

    public void MarkSelected(string actor, string? reason, DateTimeOffset now)
    {
        EnsureAllowed(Select);
        if (PublicityEnd is { } end && now < end)
            throw DomainRuleException.Rule("The publicity window has not closed yet.",
                $"Selection is possible from {end:u}.", new Dictionary<string, object?> { ["publicityEnd"] = end });
        Move(Select, NominationStatus.Selected, actor, reason, now);
        Record(new ModelSelected(this));
    }

    public void MarkRejected(string actor, string reason, DateTimeOffset now)
    {
        Move(Reject, NominationStatus.Rejected, actor, reason, now);
        Record(new NominationRejected(this, reason));
    }

    public void MarkCommended(string actor, string commendation, DateTimeOffset now)
    {
        Move(Commend, NominationStatus.Commended, actor, commendation, now);
        CommendedAt = now;
        Record(new ModelCommended(this, commendation));
    }

    /// <summary>An upheld objection against a commended model withdraws the honour: it comes off the boards.</summary>
    public void RevokeHonour(string actor, string reason, DateTimeOffset now)
    {
        Move(Revoke, NominationStatus.Revoked, actor, reason, now);
        Record(new HonourWithdrawn(this, reason, Revoked: true));
    }

    /// <summary>
    /// A black-listing reached a commended model (or their unit): "a black-listed person cannot be published", so the
    /// model leaves the public boards at once. The honour itself stays, with the reason, for an admin to revoke or to
    /// restore; a lifted listing restores nothing by itself. The same listing again changes nothing.
    /// </summary>
    public bool TakeOffBoardsFor(Guid listingId, string reason, string actor, DateTimeOffset now)
    {
        if (Status != NominationStatus.Commended)
            throw DomainRuleException.IllegalTransition("Nomination", KebabName.Of(Status), TakeOffBoards, AllowedActions);
        if (OffBoardsListingId == listingId) return false;
        OffBoardsSince ??= now;
        OffBoardsReason = reason;
        OffBoardsListingId = listingId;
        _transitions.Add(new NominationTransition(Status, Status, TakeOffBoards, actor, now, reason, listingId));
        Record(new HonourWithdrawn(this, reason, Revoked: false));
        return true;
    }

    /// <summary>An admin puts a model taken off the boards back on them (the credit gate is asked first).</summary>
    public void PutBackOnBoards(string actor, string reason, DateTimeOffset now)
    {
        if (OffBoardsSince is null || Status != NominationStatus.Commended)
            throw DomainRuleException.IllegalTransition("Nomination", KebabName.Of(Status), RestoreToBoards, AllowedActions);
        _transitions.Add(new NominationTransition(Status, Status, RestoreToBoards, actor, now, reason, OffBoardsListingId));
        OffBoardsSince = null;
        OffBoardsReason = null;
        OffBoardsListingId = null;
        Record(new HonourRestored(this, reason));
    }

    /// <summary>Whether something (an objection, a credit listing) may still suspend this nomination.</summary>
    public bool IsSuspendable => Status is NominationStatus.Nominated or NominationStatus.UnderReview
        or NominationStatus.InPublicity or NominationStatus.Selected or NominationStatus.Suspended;

    /// <summary>
    /// Stops the workflow until someone resumes it. Already suspended (say by an objection), a listing is recorded
    /// as the new cause, so that only an admin can resume it once the listing is lifted.
    /// </summary>
    public void SuspendFor(SuspensionCause cause, string reason, Guid? listingId, string actor, DateTimeOffset now)
    {
        if (!IsSuspendable)
            throw DomainRuleException.IllegalTransition("Nomination", KebabName.Of(Status), Suspend, AllowedActions);
        if (Status != NominationStatus.Suspended) ResumeTo = Status;
        if (Status != NominationStatus.Suspended || cause == Domain.SuspensionCause.CreditListing)
        {
            SuspensionCause = cause;
            SuspensionListingId = listingId;
        }
        SuspensionReason = reason;
        _transitions.Add(new NominationTransition(Status, NominationStatus.Suspended, Suspend, actor, now, reason, listingId));
        Status = NominationStatus.Suspended;
        Record(new NominationSuspended(this, reason));
    }

    public void ResumeWorkflow(string actor, string reason, DateTimeOffset now)
    {
        EnsureAllowed(Resume);
        var to = ResumeTo ?? NominationStatus.Nominated;
        _transitions.Add(new NominationTransition(Status, to, Resume, actor, now, reason, SuspensionListingId));
        Status = to;
        ResumeTo = null;
        SuspensionCause = null;
        SuspensionReason = null;
        SuspensionListingId = null;
        Record(new NominationResumed(this, reason));
    }

    public void EnsureAllowed(string action)
    {
        if (!AllowedActions.Contains(action))
            throw DomainRuleException.IllegalTransition("Nomination", KebabName.Of(Status), action, AllowedActions);
    }

    private void Move(string action, NominationStatus to, string actor, string? reason, DateTimeOffset now)
    {
        EnsureAllowed(action);
        if (action is Reject or Revoke && string.IsNullOrWhiteSpace(reason))
            throw DomainRuleException.Rule($"'{action}' needs a written reason.");
        _transitions.Add(new NominationTransition(Status, to, action, actor, now, reason, null));
        Status = to;
        if (to != NominationStatus.Suspended) ResumeTo = null;
    }

}
