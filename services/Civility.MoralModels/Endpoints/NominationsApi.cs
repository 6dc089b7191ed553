using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Nominations;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.MoralModels.Endpoints;

public static class NominationsApi
{
    public sealed record NominateRequest(
        Guid? RoundId, string? Category, string? GoodPersonKind, string? NomineeKind, string? NomineeName, string? IdNumber,
        List<string>? FamilyMembers, string? FamilyMotto, string? UnitCode, string? Deeds);

    public static RouteGroupBuilder MapNominationsApi(this RouteGroupBuilder api)
    {
        var nominations = api.MapGroup("/nominations").WithTags("Nominations");
        nominations.MapPost("/", NominateAsync).WithSummary("Nominate (a duplicate nominee in the round is merged)")
            .RequireScope(CivilityScopes.MoralWrite);
        nominations.MapGet("/{id:guid}", GetAsync).WithSummary("One nomination").RequireScope(CivilityScopes.MoralRead);
        nominations.MapGet("/{id:guid}/history", HistoryAsync).WithSummary("Every transition: who, when, why")
            .RequireScope(CivilityScopes.MoralRead);
        nominations.MapGet("/", ListAsync).WithSummary("Nominations, filtered and paged").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<NominationResponse>, Ok<NominationResponse>, ValidationProblem>> NominateAsync(
        NominateRequest request, Nominate nominate, CallerContext caller, CancellationToken ct)
    {
        var check = new RequestValidator();
        var roundId = check.Required("roundId", request.RoundId);
        var category = check.Enum<NominationCategory>("category", request.Category);
        var kind = check.Enum<GoodPersonKind>("goodPersonKind", request.GoodPersonKind, required: false);
        var nomineeKind = check.Enum<NomineeKind>("nomineeKind", request.NomineeKind);
        var name = check.Text("nomineeName", request.NomineeName, 100);
        var deeds = check.Text("deeds", request.Deeds, 4000);
        var unitCode = check.Text("unitCode", request.UnitCode ?? caller.UnitId, 32).ToUpperInvariant();
        string? idNumber = null;
        var members = new List<string>();
        string? motto = null;
        if (nomineeKind == NomineeKind.Person)
            idNumber = check.CitizenId("idNumber", request.IdNumber);
        if (nomineeKind == NomineeKind.Family)
        {
            check.Check(request.IdNumber is null, "idNumber", "A family is nominated by its members, not by an ID number.");
            members = (request.FamilyMembers ?? []).Select(m => m?.Trim() ?? "").ToList();
            check.Check(members.Count is >= 1 and <= 30 && members.All(m => m.Length is > 0 and <= 100),
                "familyMembers", "A family names 1 to 30 members, each at most 100 characters.");
            motto = check.OptionalText("familyMotto", request.FamilyMotto, 500);
        }
        if (!check.IsValid) return check.Problem();

        var (nomination, merged) = await nominate.ExecuteAsync(roundId!.Value,
            new NomineeForm(category!.Value, kind, nomineeKind!.Value, name, idNumber, members, motto, unitCode, deeds), ct);
        return merged
            ? TypedResults.Ok(NominationViews.ToResponse(nomination, merged: true))
            : TypedResults.Created($"/api/moral-models/nominations/{nomination.Id}", NominationViews.ToResponse(nomination));
    }

    private static async Task<Ok<NominationResponse>> GetAsync(Guid id, GetNomination get, CancellationToken ct) =>
        TypedResults.Ok(NominationViews.ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Ok<List<TransitionResponse>>> HistoryAsync(Guid id, GetNomination get, CancellationToken ct)
    {
        var nomination = await get.ExecuteAsync(id, ct);
        return TypedResults.Ok(nomination.Transitions.OrderBy(t => t.Id)
            .Select(t => new TransitionResponse(t.From, t.To, t.Action, t.Actor, t.At, t.Reason, t.ListingEntryId)).ToList());
    }

    private static async Task<Results<Ok<PagedResult<NominationResponse>>, ValidationProblem>> ListAsync(
        ListNominations list, Guid? roundId, string? status, string? category, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var statusFilter = check.Enum<NominationStatus>("status", status, required: false);
        var categoryFilter = check.Enum<NominationCategory>("category", category, required: false);
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var result = await list.ExecuteAsync(new NominationFilter(roundId, statusFilter, categoryFilter), paging, ct);
        return TypedResults.Ok(new PagedResult<NominationResponse>(
            result.Items.Select(n => NominationViews.ToResponse(n)).ToList(), result.Page, result.PageSize, result.Total));
    }
}
