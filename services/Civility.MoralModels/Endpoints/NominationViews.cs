using Civility.MoralModels.Domain;

namespace Civility.MoralModels.Endpoints;

public sealed record SupporterResponse(string ClientId, string? UnitCode, string? Note, DateTimeOffset At);

public sealed record NominationResponse(
    Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind, NomineeKind NomineeKind,
    string NomineeName, string? MaskedIdNumber, IReadOnlyList<string> FamilyMembers, string? FamilyMotto, string UnitCode,
    string Deeds, string NominatorClientId, string? NominatorUnitCode, NominationStatus Status, IReadOnlyList<string> AllowedActions,
    DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, string? SuspensionReason, Guid? SuspensionListingId,
    IReadOnlyList<SupporterResponse> Supporters, DateTimeOffset CreatedAt, DateTimeOffset? CommendedAt, bool Merged = false,
    bool OnBoards = false, DateTimeOffset? OffBoardsSince = null, string? OffBoardsReason = null, Guid? OffBoardsListingId = null);

public sealed record TransitionResponse(NominationStatus From, NominationStatus To, string Action, string Actor, DateTimeOffset At,
    string? Reason, Guid? ListingEntryId);

internal static class NominationViews
{
    public static NominationResponse ToResponse(Nomination n, bool merged = false) => new(
        n.Id, n.RoundId, n.Category, n.GoodPersonKind, n.NomineeKind, n.NomineeName, n.IdMasked, n.FamilyMembers, n.FamilyMotto,
        n.UnitCode, n.Deeds, n.NominatorClientId, n.NominatorUnitCode, n.Status, n.AllowedActions, n.PublicityStart, n.PublicityEnd,
        n.SuspensionReason, n.SuspensionListingId,
        n.Supporters.Select(s => new SupporterResponse(s.ClientId, s.UnitCode, s.Note, s.At)).ToList(), n.CreatedAt, n.CommendedAt, merged,
        n.IsOnBoards, n.OffBoardsSince, n.OffBoardsReason, n.OffBoardsListingId);
}
