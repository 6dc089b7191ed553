using Civility.Domain;
using Civility.Domain.PersonalData;

namespace Civility.MoralModels.Domain;

/// <summary>An objection (异议) filed by anyone during publicity, or later against a commended model; never deleted.</summary>
public sealed class Objection
{
    private Objection() { }

    public Objection(Guid nominationId, string content, string contactName, ProtectedPhone contactPhone, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        NominationId = nominationId;
        Content = content;
        ContactName = contactName;
        ContactPhoneEncrypted = contactPhone.Encrypted;
        MaskedContactPhone = contactPhone.Masked;
        FiledAt = now;
        Status = ObjectionStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid NominationId { get; private set; }

    public string Content { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    /// <summary>
    /// The objector's phone, kept for the reply (personal data: encrypted). Null only on a row filed before phones were
    /// protected and not yet reached by the backfill.
    /// </summary>
    public string? ContactPhoneEncrypted { get; private set; }

    /// <summary>The phone as every reader of the objection sees it: <c>138****5678</c>.</summary>
    public string? MaskedContactPhone { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public ObjectionStatus Status { get; private set; }

    public string? Resolution { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Takes the protected form of a phone that was stored in clear before phones were protected.</summary>
    public void ProtectLegacyPhone(ProtectedPhone phone)
    {
        ContactPhoneEncrypted = phone.Encrypted;
        MaskedContactPhone = phone.Masked;
    }

    public void Resolve(bool upheld, string reason, string actor, DateTimeOffset now)
    {
        if (Status != ObjectionStatus.Open)
            throw DomainRuleException.IllegalTransition("Objection", KebabName.Of(Status), "resolve", []);
        if (string.IsNullOrWhiteSpace(reason)) throw DomainRuleException.Rule("An objection is resolved with a written reason.");
        Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        Resolution = reason;
        ResolvedBy = actor;
        ResolvedAt = now;
    }
}
