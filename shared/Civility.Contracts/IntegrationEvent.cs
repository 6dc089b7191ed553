namespace Civility.Contracts;

/// <summary>
/// A fact another service or a partner app may react to. Past tense, immutable, versioned. Never carries an unmasked
/// citizen ID number: people are named by the producing service's id and, where shown, a masked number.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Also the message id on the broker: consumers de-duplicate on it.</summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <summary>When the change it announces was made.</summary>
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Schema version of this event type; bumped on any incompatible change, documented in asyncapi.yaml.</summary>
    public int Version { get; init; } = 1;
}
