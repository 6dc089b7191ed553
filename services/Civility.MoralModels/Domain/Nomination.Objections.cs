using Civility.Domain;
using Civility.Domain.PersonalData;

namespace Civility.MoralModels.Domain;

public sealed partial class Nomination
{
    /// <summary>
    /// Takes an objection (异议) from anyone: during the publicity window (公示期), or later against a commended model.
    /// One filed during publicity suspends the nomination until it is resolved.
    /// </summary>
    public Objection TakeObjection(string content, string contactName, ProtectedPhone contactPhone, DateTimeOffset now)
    {
        var duringPublicity = IsInPublicityWindow(now) && (Status == NominationStatus.InPublicity
            || this is { Status: NominationStatus.Suspended, ResumeTo: NominationStatus.InPublicity });
        if (!duringPublicity && Status != NominationStatus.Commended)
            throw DomainRuleException.Rule("Objections are taken during the publicity window (or against a commended model).",
                PublicityEnd is { } end ? $"The publicity window ran until {end:u}." : "This nomination is not in publicity.");
        var objection = new Objection(Id, content, contactName, contactPhone, now);
        if (Status == NominationStatus.InPublicity)
            SuspendFor(Domain.SuspensionCause.Objection, "An objection was filed during publicity; suspended until it is resolved.", null,
                System, now);
        return objection;
    }

    /// <summary>
    /// An upheld objection ends the nomination: a commended model's honour is revoked, one still in the running rejected.
    /// </summary>
    public void UpholdObjection(string reason, string actor, DateTimeOffset now)
    {
        if (Status == NominationStatus.Commended) RevokeHonour(actor, $"Objection upheld: {reason}", now);
        else if (AllowedActions.Contains(Reject)) MarkRejected(actor, $"Objection upheld: {reason}", now);
    }

    /// <summary>
    /// A dismissed objection lifts the suspension objections caused, once no other is open: the nomination resumes where
    /// it was. A suspension by a credit listing stays for an admin to lift.
    /// </summary>
    public void DismissObjection(string reason, bool anotherObjectionOpen, string actor, DateTimeOffset now)
    {
        if (Status == NominationStatus.Suspended && SuspensionCause == Domain.SuspensionCause.Objection && !anotherObjectionOpen)
            ResumeWorkflow(actor, $"Objection dismissed: {reason}", now);
    }
}
