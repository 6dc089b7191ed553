using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.Pairings;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static RouteGroupBuilder MapPairingsApi(this RouteGroupBuilder api)
    {
        var pairings = api.MapGroup("/pairings").WithTags("Pairings");
        pairings.MapPost("/", CreateAsync)
            .WithSummary("Pair a civilized unit with a village or a community").RequireScope(CivilityScopes.PairingWrite);
        pairings.MapGet("/", ListAsync).WithSummary("Pairings by unit, kind and status").RequireScope(CivilityScopes.PairingRead);
        pairings.MapGet("/{id:guid}", GetAsync).WithSummary("One pairing").RequireScope(CivilityScopes.PairingRead);
        pairings.MapPost("/{id:guid}/end", EndAsync)
            .WithSummary("End a pairing with a reason (it is kept)").RequireScope(CivilityScopes.PairingWrite);
        api.MapGet("/reports/double-pairing", DoublePairingAsync).WithTags("Pairings")
            .WithSummary("Civilized units lacking a village pairing, a community pairing, or both")
            .RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<PairingResponse>, ValidationProblem>> CreateAsync(
        CreatePairingRequest request, PairUnitWithPlace pair, CallerContext caller, PersonalDataProtector protector, CancellationToken ct)
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
        var pairing = await pair.ExecuteAsync(unitId!.Value, placeId!.Value, from!.Value, until!.Value, goals, contacts, ct);
        return TypedResults.Created($"/api/pairing/pairings/{pairing.Id}", ToResponse(pairing, caller, protector));
    }

    private static async Task<Results<Ok<PagedResult<PairingResponse>>, ValidationProblem>> ListAsync(
        ListPairings list, CallerContext caller, PersonalDataProtector protector, Guid? civilizedUnitId, string? placeKind, string? status,
        int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var kind = v.Enum<PlaceKind>("placeKind", placeKind, required: false);
        var state = v.Enum<PairingStatus>("status", status, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(civilizedUnitId, kind, state, paging, ct);
        return TypedResults.Ok(new PagedResult<PairingResponse>(
            result.Items.Select(p => ToResponse(p, caller, protector)).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Ok<PairingResponse>> GetAsync(
        Guid id, GetPairing get, CallerContext caller, PersonalDataProtector protector, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct), caller, protector));

    private static async Task<Results<Ok<PairingResponse>, ValidationProblem>> EndAsync(
        Guid id, EndPairingRequest request, EndPairing end, CallerContext caller, PersonalDataProtector protector, CancellationToken ct)
    {
        var v = new RequestValidator();
        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await end.ExecuteAsync(id, reason, ct), caller, protector));
    }

    private static async Task<Results<Ok<PagedResult<DoublePairingGap>>, ValidationProblem>> DoublePairingAsync(
        DoublePairingReport report, string? lacking, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var which = v.Enum<Lacking>("lacking", lacking, required: false) ?? Lacking.Any;
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(await report.ExecuteAsync(which, paging, ct));
    }

    private static PairingResponse ToResponse(Pairing p, CallerContext caller, PersonalDataProtector protector)
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
