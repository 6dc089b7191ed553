namespace Civility.Contracts.Diagnostics;

/// <summary>A trivial event any service can raise to prove the event path end to end (outbox → broker → inbox).</summary>
public sealed record ServicePinged(Guid PingId, string FromService, string Note) : IntegrationEvent;
