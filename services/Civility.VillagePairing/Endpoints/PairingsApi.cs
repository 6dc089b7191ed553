using Civility.Contracts.VillagePairing;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.Messaging.Outbox;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;

namespace Civility.VillagePairing.Endpoints;

public static class PairingsApi
{
    public sealed record ContactRequest(string? Side, string? Name, string? Phone);

    public sealed record CreatePairingRequest(
        Guid? CivilizedUnitId, Guid? PlaceId, DateOnly? From, DateOnly? Until, string? Goals, IReadOnlyList<ContactRequest>? Contacts);

    public sealed record EndPairingRequest(string? Reason);

    /// <summary>
    /// <c>phone</c>: whole for an admin and for the pairing's own unit, masked (<c>138****5678</c>) for every other
    /// reader (<c>phoneMasked</c> says which).
    /// </summary>
    public sealed record ContactResponse(string Side, string Name, string? Phone, bool PhoneMasked);

    public sealed record PairingResponse(
        Guid Id, Guid CivilizedUnitId, string UnitCode, Guid PlaceId, PlaceKind PlaceKind, DateOnly From, DateOnly Until,
        string Goals, IReadOnlyList<ContactResponse> Contacts, PairingStatus Status, DateTimeOffset? EndedAt, string? EndReason);

    /// <summary>A title holder missing one side of the double pairing (双结对).</summary>
    public sealed record DoublePairingGap(Guid CivilizedUnitId, string UnitCode, string Name, bool HasVillage, bool HasCommunity);

    public enum Lacking { Village, Community, Both, Any }

    public static RouteGroupBuilder MapPairingsApi(this RouteGroupBuilder api)
    {
        var pairings = api.MapGroup("/pairings").WithTags("Pairings");
        pairings.MapPost("/", CreateAsync).WithSummary("Pair a civilized unit with a village or a community").RequireScope(CivilityScopes.PairingWrite);
        pairings.MapGet("/", ListAsync).WithSummary("Pairings by unit, kind and status").RequireScope(CivilityScopes.PairingRead);
        pairings.MapGet("/{id:guid}", GetAsync).WithSummary("One pairing").RequireScope(CivilityScopes.PairingRead);
        pairings.MapPost("/{id:guid}/end", EndAsync).WithSummary("End a pairing with a reason (it is kept)").RequireScope(CivilityScopes.PairingWrite);
        api.MapGet("/reports/double-pairing", DoublePairingAsync).WithTags("Pairings")
            .WithSummary("Civilized units lacking a village pairing, a community pairing, or both").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    internal static async Task<Pairing?> FindAsync(PairingDbContext db, Guid id, CallerContext caller) =>
        await db.Pairings.FirstOrDefaultAsync(p => p.Id == id) is { } pairing && caller.MayAccessUnit(pairing.UnitCode) ? pairing : null;

    private static async Task<Results<Created<PairingResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePairingRequest request, PairingDbContext db, CallerContext caller, TimeProvider clock, PersonalDataProtector protector)
    {
        var v = new RequestValidator();
        var unitId = v.Required("civilizedUnitId", request.CivilizedUnitId);
        var placeId = v.Required("placeId", request.PlaceId);
        var from = v.Required("from", request.From);
        var until = v.Required("until", request.Until);
        v.Check(from is null || until is null || until >= from, "until", "The pairing ends on or after it starts.");
        var goals = v.Text("goals", request.Goals, 2000);
        var contacts = new List<PairingContact>();
        var list = request.Contacts ?? [];
        v.Check(list.Count <= 20, "contacts", "At most 20 contacts.");
        for (var i = 0; i < list.Count && i < 20; i++)
        {
            var side = v.Text($"contacts[{i}].side", list[i].Side, 10);
            v.Check(side is "" or "unit" or "place", $"contacts[{i}].side", "Side is 'unit' or 'place'.");
            var name = v.Text($"contacts[{i}].name", list[i].Name, 100);
            var phone = v.Phone($"contacts[{i}].phone", list[i].Phone);
            contacts.Add(new PairingContact(side, name, phone is null ? null : protector.ProtectPhone(phone)));
        }
        if (!v.IsValid) return v.Problem();
        if (await CivilizedUnitsApi.FindAsync(db, unitId!.Value, caller) is not { } unit)
            return TypedResults.Problem(title: "No such civilized unit.", statusCode: StatusCodes.Status404NotFound);
        if (await db.Places.FirstOrDefaultAsync(p => p.Id == placeId) is not { } place)
            return TypedResults.Problem(title: "No such village or community.", statusCode: StatusCodes.Status404NotFound);
        if (await db.Pairings.AnyAsync(p => p.CivilizedUnitId == unit.Id && p.PlaceId == place.Id && p.Status == PairingStatus.Active))
            return TypedResults.Problem(title: "This unit is already paired with this place.", statusCode: StatusCodes.Status409Conflict);

        var pairing = new Pairing(unit, place, from!.Value, until!.Value, goals, contacts, clock.GetUtcNow());
        db.Pairings.Add(pairing);
        db.AddIntegrationEvent(new PairingEstablished(pairing.Id, unit.Id, place.Id, KebabName.Of(place.Kind.ToString()), pairing.From, pairing.Until), clock);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/pairings/{pairing.Id}", ToResponse(pairing, caller, protector));
    }

    private static async Task<Results<Ok<PagedResult<PairingResponse>>, ValidationProblem>> ListAsync(
        PairingDbContext db, CallerContext caller, PersonalDataProtector protector, Guid? civilizedUnitId, string? placeKind, string? status,
        int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var kind = v.Enum<PlaceKind>("placeKind", placeKind, required: false);
        var state = v.Enum<PairingStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();

        var query = db.Pairings.AsNoTracking().Where(p => !caller.IsUnitScoped || p.UnitCode == caller.UnitId);
        if (civilizedUnitId is { } u) query = query.Where(p => p.CivilizedUnitId == u);
        if (kind is { } k) query = query.Where(p => p.PlaceKind == k);
        if (state is { } s) query = query.Where(p => p.Status == s);
        var result = await paging.ApplyAsync(query.OrderBy(p => p.UnitCode).ThenBy(p => p.Id), p => p);
        return TypedResults.Ok(new PagedResult<PairingResponse>(result.Items.Select(p => ToResponse(p, caller, protector)).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<PairingResponse>, NotFound>> GetAsync(
        Guid id, PairingDbContext db, CallerContext caller, PersonalDataProtector protector) =>
        await FindAsync(db, id, caller) is { } pairing ? TypedResults.Ok(ToResponse(pairing, caller, protector)) : TypedResults.NotFound();

    private static async Task<Results<Ok<PairingResponse>, NotFound, ValidationProblem>> EndAsync(
        Guid id, EndPairingRequest request, PairingDbContext db, CallerContext caller, TimeProvider clock, PersonalDataProtector protector)
    {
        var v = new RequestValidator();
        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid) return v.Problem();
        if (await FindAsync(db, id, caller) is not { } pairing) return TypedResults.NotFound();
        pairing.End(reason, clock.GetUtcNow());
        db.AddIntegrationEvent(new PairingEnded(pairing.Id, pairing.CivilizedUnitId, pairing.PlaceId, reason), clock);
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(pairing, caller, protector));
    }

    private static async Task<Results<Ok<PagedResult<DoublePairingGap>>, ValidationProblem>> DoublePairingAsync(
        PairingDbContext db, CallerContext caller, string? lacking, int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var which = v.Enum<Lacking>("lacking", lacking, required: false) ?? Lacking.Any;
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();

        var active = db.Pairings.Where(p => p.Status == PairingStatus.Active);
        var rows = db.CivilizedUnits.AsNoTracking()
            .Where(u => u.Status != TitleStatus.Revoked && u.Status != TitleStatus.Lapsed)
            .Where(u => !caller.IsUnitScoped || u.UnitCode == caller.UnitId)
            .Select(u => new
            {
                u.Id, u.UnitCode, u.Name,
                HasVillage = active.Any(p => p.CivilizedUnitId == u.Id && p.PlaceKind == PlaceKind.Village),
                HasCommunity = active.Any(p => p.CivilizedUnitId == u.Id && p.PlaceKind == PlaceKind.Community),
            });
        rows = which switch
        {
            Lacking.Village => rows.Where(r => !r.HasVillage),
            Lacking.Community => rows.Where(r => !r.HasCommunity),
            Lacking.Both => rows.Where(r => !r.HasVillage && !r.HasCommunity),
            _ => rows.Where(r => !r.HasVillage || !r.HasCommunity),
        };
        return TypedResults.Ok(await paging.ApplyAsync(rows.OrderBy(r => r.UnitCode),
            r => new DoublePairingGap(r.Id, r.UnitCode, r.Name, r.HasVillage, r.HasCommunity)));
    }

    internal static PairingResponse ToResponse(Pairing p, CallerContext caller, PersonalDataProtector protector)
    {
        // The liaison's whole number is for those who call them: an admin and the pairing's own unit. A bureau-wide
        // reader (a partner app) sees it masked.
        var whole = caller.IsAdmin || (caller.IsUnitScoped && string.Equals(caller.UnitId, p.UnitCode, StringComparison.OrdinalIgnoreCase));
        return new(p.Id, p.CivilizedUnitId, p.UnitCode, p.PlaceId, p.PlaceKind, p.From, p.Until, p.Goals,
            p.Contacts.Select(c => new ContactResponse(c.Side, c.Name,
                c.PhoneEncrypted is null ? null : whole ? protector.Decrypt(c.PhoneEncrypted) : c.MaskedPhone,
                c.PhoneEncrypted is not null && !whole)).ToList(),
            p.Status, p.EndedAt, p.EndReason);
    }
}
