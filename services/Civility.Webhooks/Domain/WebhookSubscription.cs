using Civility.Domain;

namespace Civility.Webhooks.Domain;

public enum SubscriptionStatus { Active, Paused, Closed }

/// <summary>
/// A partner app's webhook: where Civility POSTs the events it asked for, signed with its secret. Owned by the
/// partner's client (which may read it and its delivery log); registered and managed by an administrator. Paused by
/// hand or after too many failed attempts in a row (new events still queue for it), resumed by an administrator;
/// closed with a reason, never deleted.
/// </summary>
public sealed class WebhookSubscription : AggregateRoot
{
    private WebhookSubscription() { }

    /// <param name="secretEncrypted">The signing secret as the service keeps it, encrypted; never shown again.</param>
    public WebhookSubscription(string ownerClientId, Uri target, IReadOnlyCollection<string> eventTypes, string? description,
        string secretEncrypted, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        OwnerClientId = ownerClientId;
        SetTarget(target, eventTypes);
        Description = description;
        SecretEncrypted = secretEncrypted;
        Status = SubscriptionStatus.Active;
        CreatedAt = now;
        CreatedBy = createdBy;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The identity client id of the partner app that may read this subscription and its deliveries.</summary>
    public string OwnerClientId { get; private set; } = "";

    public string TargetUrl { get; private set; } = "";

    /// <summary>The names of the event types delivered (<c>VolunteerRegistered</c>…), as docs/asyncapi.yaml names them.</summary>
    public string[] EventTypes { get; private set; } = [];

    public string? Description { get; private set; }

    public string SecretEncrypted { get; private set; } = "";

    /// <summary>The secret before the last rotation: it signs deliveries too until <see cref="PreviousSecretValidUntil"/>.</summary>
    public string? PreviousSecretEncrypted { get; private set; }

    public DateTimeOffset? PreviousSecretValidUntil { get; private set; }

    public DateTimeOffset? SecretRotatedAt { get; private set; }

    public SubscriptionStatus Status { get; private set; }

    /// <summary>Why it is paused or closed.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    /// <summary>Failed attempts since the last delivered one; reaching the limit pauses the subscription.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether an event of this type is queued for it (a paused subscription keeps queueing, a closed one does not).</summary>
    public bool Wants(string eventType) => Status != SubscriptionStatus.Closed && EventTypes.Contains(eventType, StringComparer.Ordinal);

    /// <summary>A new target or set of events; deliveries still pending go to the new target.</summary>
    public void Change(Uri target, IReadOnlyCollection<string> eventTypes, string? description, DateTimeOffset now)
    {
        EnsureNot(SubscriptionStatus.Closed, "change");
        SetTarget(target, eventTypes);
        Description = description;
        UpdatedAt = now;
    }

    public void Pause(string reason, DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Active)
            throw DomainRuleException.IllegalTransition("The subscription", KebabName.Of(Status), "pause", Allowed());
        Move(SubscriptionStatus.Paused, reason, now);
    }

    /// <summary>Sends again: the failure count starts from nothing, and what queued while paused goes out at once.</summary>
    public void Resume(DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Paused)
            throw DomainRuleException.IllegalTransition("The subscription", KebabName.Of(Status), "resume", Allowed());
        ConsecutiveFailures = 0;
        Move(SubscriptionStatus.Active, null, now);
    }

    /// <summary>Nothing more is sent or queued; the subscription and its log are kept.</summary>
    public void Close(string reason, DateTimeOffset now)
    {
        EnsureNot(SubscriptionStatus.Closed, "close");
        Move(SubscriptionStatus.Closed, reason, now);
    }

    /// <summary>A new secret; the old one still signs beside it for <paramref name="overlap"/>, while the receiver changes over.</summary>
    public void RotateSecret(string secretEncrypted, TimeSpan overlap, DateTimeOffset now)
    {
        EnsureNot(SubscriptionStatus.Closed, "rotate-secret");
        PreviousSecretEncrypted = overlap > TimeSpan.Zero ? SecretEncrypted : null;
        PreviousSecretValidUntil = overlap > TimeSpan.Zero ? now + overlap : null;
        SecretEncrypted = secretEncrypted;
        SecretRotatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The secrets a delivery made at <paramref name="now"/> is signed with, encrypted: the current one first.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecretEncrypted is { } previous && PreviousSecretValidUntil > now ? [SecretEncrypted, previous] : [SecretEncrypted];

    /// <summary>A delivery went through: the failures in a row are over.</summary>
    public void RecordDelivered()
    {
        if (ConsecutiveFailures != 0) ConsecutiveFailures = 0;
    }

    /// <summary>An attempt failed; the <paramref name="pauseAfter"/>th in a row pauses an active subscription.</summary>
    public void RecordFailedAttempt(int pauseAfter, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (Status == SubscriptionStatus.Active && ConsecutiveFailures >= pauseAfter)
            Move(SubscriptionStatus.Paused, $"Paused after {ConsecutiveFailures} failed attempts in a row.", now);
    }

    private void SetTarget(Uri target, IReadOnlyCollection<string> eventTypes)
    {
        if (!target.IsAbsoluteUri) throw DomainRuleException.Rule("A webhook's target is an absolute URL.");
        if (eventTypes.Count == 0) throw DomainRuleException.Rule("A webhook delivers at least one event type.");
        TargetUrl = target.AbsoluteUri;
        EventTypes = [.. eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private void Move(SubscriptionStatus status, string? reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        StatusChangedAt = now;
        UpdatedAt = now;
    }

    private void EnsureNot(SubscriptionStatus status, string action)
    {
        if (Status == status) throw DomainRuleException.IllegalTransition("The subscription", KebabName.Of(Status), action, Allowed());
    }

    private string[] Allowed() => Status switch
    {
        SubscriptionStatus.Active => ["change", "pause", "close", "rotate-secret"],
        SubscriptionStatus.Paused => ["change", "resume", "close", "rotate-secret"],
        _ => [],
    };
}
