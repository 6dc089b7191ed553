namespace Civility.Contracts.MoralModels;

public sealed record NominationSubmitted(
    Guid NominationId, Guid RoundId, string Category, string NomineeName, string? NomineeUnitCode) : IntegrationEvent;

/// <summary>The nomination entered its publicity window (公示), during which anyone may object.</summary>
public sealed record NominationPublicized(
    Guid NominationId, Guid RoundId, string Category, string NomineeName, DateOnly PublicityStart, DateOnly PublicityEnd) : IntegrationEvent;

public sealed record NominationSuspended(Guid NominationId, string Reason) : IntegrationEvent;

public sealed record ModelSelected(Guid NominationId, Guid RoundId, string Category, string NomineeName) : IntegrationEvent;

/// <summary>
/// A selected model was honoured. Carries the nominee's keyed identity hash (never the number) so the credit service
/// can propose a red-list entry for the same person.
/// </summary>
public sealed record ModelCommended(
    Guid NominationId, string Category, string NomineeName, string? MaskedIdNumber, string? SubjectKeyHash,
    string? NomineeUnitCode, string Commendation) : IntegrationEvent;
