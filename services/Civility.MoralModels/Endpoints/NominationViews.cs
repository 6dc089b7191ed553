using Civility.Hosting.Http;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;

namespace Civility.MoralModels.Endpoints;

public sealed record SupporterResponse(string ClientId, string? UnitCode, string? Note, DateTimeOffset At);

public sealed record NominationResponse(
    Guid Id, Guid RoundId, NominationCategory Category, GoodPersonKind? GoodPersonKind, NomineeKind NomineeKind,
    string NomineeName, string? MaskedIdNumber, IReadOnlyList<string> FamilyMembers, string? FamilyMotto, string UnitCode,
    string Deeds, string NominatorClientId, string? NominatorUnitCode, NominationStatus Status, IReadOnlyList<string> AllowedActions,
    DateTimeOffset? PublicityStart, DateTimeOffset? PublicityEnd, string? SuspensionReason, Guid? SuspensionListingId,
    IReadOnlyList<SupporterResponse> Supporters, DateTimeOffset CreatedAt, DateTimeOffset? CommendedAt, bool Merged = false);

public sealed record TransitionResponse(NominationStatus From, NominationStatus To, string Action, string Actor, DateTimeOffset At,
    string? Reason, Guid? ListingEntryId);

internal static class NominationViews
{
    public static NominationResponse ToResponse(Nomination n, bool merged = false) => new(
        n.Id, n.RoundId, n.Category, n.GoodPersonKind, n.NomineeKind, n.NomineeName, n.IdMasked, n.FamilyMembers, n.FamilyMotto,
        n.UnitCode, n.Deeds, n.NominatorClientId, n.NominatorUnitCode, n.Status, n.AllowedActions, n.PublicityStart, n.PublicityEnd,
        n.SuspensionReason, n.SuspensionListingId,
        n.Supporters.Select(s => new SupporterResponse(s.ClientId, s.UnitCode, s.Note, s.At)).ToList(), n.CreatedAt, n.CommendedAt, merged);

    /// <summary>Nominations this caller may see: a unit-scoped client sees those of its unit and those it made.</summary>
    public static IQueryable<Nomination> Visible(this IQueryable<Nomination> nominations, CallerContext caller) =>
        caller.IsUnitScoped
            ? nominations.Where(n => n.UnitCode == caller.UnitId || n.NominatorClientId == caller.ClientId)
            : nominations;

    /// <summary>The nomination, tracked, or 404 when it does not exist or is another unit's.</summary>
    public static async Task<Nomination> LoadAsync(this MoralModelsDbContext db, Guid id, CallerContext caller, CancellationToken cancellationToken = default) =>
        await db.Nominations.Visible(caller).AsSplitQuery().FirstOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw NotFound();

    public static DomainRuleException NotFound() => new(RuleKind.NotFound, "No such nomination.");
}
