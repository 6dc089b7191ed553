namespace Civility.Contracts.Diagnostics;

/// <summary>
/// A trivial event any service can raise to prove the event path end to end (outbox → broker → inbox). A direct
/// exchange: the routing key is the service the ping is addressed to, or "all"; each service's ping queue is bound
/// with its own name and with "all".
/// </summary>
public sealed record ServicePinged(Guid PingId, string FromService, string Note, string To = ServicePinged.Everyone) : IntegrationEvent
{
    /// <summary>
    /// The exchange pings are published to: a direct exchange whose routing key is <see cref="To"/>. Each service's
    /// ping queue is bound with its own name and with <see cref="Everyone"/>.
    /// </summary>
    public const string Exchange = "civility.diagnostics.pings";

    public const string Everyone = "all";
}
