using System.ComponentModel.DataAnnotations;

namespace Civility.Contracts.MoralModels;

/// <summary>Categories of nomination, as every moral-model event names them.</summary>
internal static class Categories
{
    public const string MoralModel = "moral-model", GoodPerson = "good-person", MostBeautifulFigure = "most-beautiful-figure",
        CivilizedFamily = "civilized-family";
}

/// <summary>A person or a family was nominated in a selection round.</summary>
/// <param name="Category">道德模范, 身边好人, 最美人物 or 文明家庭.</param>
/// <param name="NomineeUnitCode">The nominee's unit, if the nominee belongs to one.</param>
public sealed record NominationSubmitted(
    Guid NominationId, Guid RoundId,
    [AllowedValues(Categories.MoralModel, Categories.GoodPerson, Categories.MostBeautifulFigure, Categories.CivilizedFamily)]
    string Category,
    string NomineeName, string? NomineeUnitCode) : IntegrationEvent;

/// <summary>The nomination entered its publicity window (公示), during which anyone may object.</summary>
public sealed record NominationPublicized(
    Guid NominationId, Guid RoundId,
    [AllowedValues(Categories.MoralModel, Categories.GoodPerson, Categories.MostBeautifulFigure, Categories.CivilizedFamily)]
    string Category,
    string NomineeName, DateOnly PublicityStart, DateOnly PublicityEnd) : IntegrationEvent;

/// <summary>
/// A nomination was suspended: an objection was filed during publicity, or the nominee or their unit was black-listed.
/// It stays suspended until the cause is resolved with a written reason.
/// </summary>
public sealed record NominationSuspended(Guid NominationId, string Reason) : IntegrationEvent;

/// <summary>The review and publicity are over and the nomination was selected; it is commended next.</summary>
public sealed record ModelSelected(
    Guid NominationId, Guid RoundId,
    [AllowedValues(Categories.MoralModel, Categories.GoodPerson, Categories.MostBeautifulFigure, Categories.CivilizedFamily)]
    string Category,
    string NomineeName) : IntegrationEvent;

/// <summary>
/// A selected model was honoured. Carries the nominee's keyed identity hash (never the number) so the credit service
/// can propose a red-list entry for the same person.
/// </summary>
/// <param name="Commendation">The title of the commendation.</param>
public sealed record ModelCommended(
    Guid NominationId,
    [AllowedValues(Categories.MoralModel, Categories.GoodPerson, Categories.MostBeautifulFigure, Categories.CivilizedFamily)]
    string Category,
    string NomineeName, string? MaskedIdNumber, string? SubjectKeyHash, string? NomineeUnitCode, string Commendation) : IntegrationEvent;

/// <summary>A suspended nomination took up its workflow again where it stopped (its objection dismissed, its listing lifted).</summary>
/// <param name="Status">Where it resumed: nominated, under-review, in-publicity or selected.</param>
public sealed record NominationResumed(Guid NominationId, string Status, string Reason) : IntegrationEvent;

/// <summary>The nomination was rejected with a written reason (after review, or an upheld objection); it leaves publicity.</summary>
public sealed record NominationRejected(Guid NominationId, string Reason) : IntegrationEvent;

/// <summary>
/// A commended model left the public boards (好人榜 / 道德榜): the honour was revoked (an upheld objection), or the
/// model or their unit was black-listed after the commendation and the model is off the boards while an admin decides.
/// </summary>
/// <param name="Revoked">True when the honour itself was revoked; false when it is only held off the boards.</param>
public sealed record HonourWithdrawn(Guid NominationId, string Reason, bool Revoked) : IntegrationEvent;

/// <summary>An admin put a model held off the boards back on them (the credit gate clear again).</summary>
public sealed record HonourRestored(Guid NominationId, string Reason) : IntegrationEvent;
