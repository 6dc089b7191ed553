using Civility.Hosting.Http;

namespace Civility.MoralModels.Domain;

/// <summary>An objection (异议) filed by anyone during publicity, or later against a commended model; never deleted.</summary>
public sealed class Objection
{
    private Objection() { }

    public Objection(Guid nominationId, string content, string contactName, string contactPhone, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        NominationId = nominationId;
        Content = content;
        ContactName = contactName;
        ContactPhone = contactPhone;
        FiledAt = now;
        Status = ObjectionStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid NominationId { get; private set; }

    public string Content { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    /// <summary>Kept for the reply; shown masked.</summary>
    public string ContactPhone { get; private set; } = "";

    public DateTimeOffset FiledAt { get; private set; }

    public ObjectionStatus Status { get; private set; }

    public string? Resolution { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public void Resolve(bool upheld, string reason, string actor, DateTimeOffset now)
    {
        if (Status != ObjectionStatus.Open)
            throw DomainRuleException.IllegalTransition("Objection", Nomination.Kebab(Status), "resolve", []);
        if (string.IsNullOrWhiteSpace(reason)) throw DomainRuleException.Rule("An objection is resolved with a written reason.");
        Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        Resolution = reason;
        ResolvedBy = actor;
        ResolvedAt = now;
    }
}
