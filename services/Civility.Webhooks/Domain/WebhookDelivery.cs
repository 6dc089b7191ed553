using Civility.Domain;

namespace Civility.Webhooks.Domain;

public enum DeliveryStatus { Pending, Delivered, Failed, Cancelled }

/// <summary>
/// One event for one subscription: queued when the event is consumed, tried until the receiver answers 2xx, with a
/// growing delay after each failed attempt; given up (failed, kept) after the last delay, cancelled (kept) when its
/// subscription is closed. A delivery given up may be put back in line by an administrator, for a new round of
/// attempts. Every attempt is kept in its log.
/// </summary>
public sealed class WebhookDelivery : AggregateRoot
{
    private readonly List<DeliveryAttempt> _attempts = [];

    private WebhookDelivery() { }

    /// <param name="payload">The event's JSON, exactly the body every attempt sends.</param>
    public WebhookDelivery(Guid subscriptionId, Guid eventId, string eventType, DateTimeOffset occurredAt, string payload,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventType = eventType;
        OccurredAt = occurredAt;
        Payload = payload;
        Status = DeliveryStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The order the events came in: a subscription's deliveries go out in this order, one at a time.</summary>
    public long Sequence { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    /// <summary>When the change the event announces was made (the event's <c>occurredAt</c>).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public string Payload { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the next attempt is due, while pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>When it was given up or cancelled.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public int AttemptCount { get; private set; }

    /// <summary>Attempts made before it was last put back in line: the retry delays count the attempts after them.</summary>
    public int AttemptsBeforeRequeue { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public IReadOnlyList<DeliveryAttempt> Attempts => _attempts;

    /// <summary>
    /// Keeps an attempt and decides what follows: delivered on a 2xx; otherwise the next attempt after
    /// <paramref name="retryDelays"/>[n − 1] following the nth attempt (of this round), and given up once they are all
    /// used. An attempt that ends after the delivery was cancelled is kept, and changes nothing else.
    /// </summary>
    public DeliveryAttempt Record(AttemptOutcome outcome, IReadOnlyList<TimeSpan> retryDelays)
    {
        var attempt = new DeliveryAttempt(_attempts.Count + 1, outcome);
        _attempts.Add(attempt);
        AttemptCount = _attempts.Count;
        LastStatusCode = outcome.StatusCode;
        LastError = attempt.Error;
        if (Status != DeliveryStatus.Pending) return attempt;
        if (attempt.Succeeded)
        {
            Status = DeliveryStatus.Delivered;
            DeliveredAt = outcome.At;
            NextAttemptAt = null;
        }
        else if (AttemptCount - AttemptsBeforeRequeue > retryDelays.Count)
        {
            Status = DeliveryStatus.Failed;
            EndedAt = outcome.At;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = outcome.At + retryDelays[AttemptCount - AttemptsBeforeRequeue - 1];
        }
        return attempt;
    }

    /// <summary>
    /// Puts a delivery that was given up back in line, for a new round of attempts from now. It keeps its place: its
    /// subscription's later deliveries wait behind it again.
    /// </summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Failed)
            throw DomainRuleException.IllegalTransition("The delivery", KebabName.Of(Status), "redeliver",
                Status == DeliveryStatus.Pending ? ["wait for its next attempt"] : []);
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        EndedAt = null;
        AttemptsBeforeRequeue = AttemptCount;
    }
}

/// <summary>What one POST came to: the receiver's status code, or the error that stopped it (refused, timed out…).</summary>
public sealed record AttemptOutcome(DateTimeOffset At, int? StatusCode, string? Error, TimeSpan Duration, string? ResponseExcerpt)
{
    public bool Succeeded => Error is null && StatusCode is >= 200 and < 300;
}

/// <summary>One attempt of a delivery, as its log shows it.</summary>
public sealed class DeliveryAttempt
{
    /// <summary>What is kept of a receiver's answer.</summary>
    public const int ExcerptLength = 500;

    public const int ErrorLength = 500;

    private DeliveryAttempt() { }

    internal DeliveryAttempt(int number, AttemptOutcome outcome)
    {
        Number = number;
        At = outcome.At;
        StatusCode = outcome.StatusCode;
        Error = Shorten(outcome.Error, ErrorLength);
        DurationMs = (int)Math.Min(int.MaxValue, Math.Max(0, outcome.Duration.TotalMilliseconds));
        ResponseExcerpt = Shorten(outcome.ResponseExcerpt, ExcerptLength);
        Succeeded = outcome.Succeeded;
    }

    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public int DurationMs { get; private set; }

    public string? ResponseExcerpt { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>At most <paramref name="length"/> characters, never cutting a surrogate pair in two.</summary>
    public static string? Shorten(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
