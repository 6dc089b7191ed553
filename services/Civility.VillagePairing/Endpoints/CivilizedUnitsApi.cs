using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.CivilizedUnits;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.VillagePairing.Endpoints;

public static class CivilizedUnitsApi
{
    public sealed record CreateCivilizedUnitRequest(
        string? UnitCode, string? Name, string? CreditCode, string? Level, DateOnly? TermStart, int? TermYears);

    public sealed record TitleActionRequest(string? Reason, int? TermYears);

    public sealed record StatusChangeResponse(TitleStatus From, TitleStatus To, string Action, string By, string Reason, DateTimeOffset At);

    public sealed record CivilizedUnitResponse(
        Guid Id, string UnitCode, string Name, string CreditCode, TitleLevel Level, DateOnly TermStart, DateOnly TermEnd,
        DateOnly ReviewDeadline, TitleStatus Status, bool RevocationProposed, IReadOnlyList<string> AllowedActions,
        IReadOnlyList<StatusChangeResponse> History);

    public static RouteGroupBuilder MapCivilizedUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/civilized-units").WithTags("Civilized units");
        units.MapPost("/", CreateAsync).WithSummary("Confer a civilized-unit title (文明单位)").RequireScope(CivilityScopes.Admin);
        units.MapGet("/", ListAsync).WithSummary("Titles by status and level (a unit-scoped client sees its own)")
            .RequireScope(CivilityScopes.PairingRead);
        units.MapGet("/{id:guid}", GetAsync).WithSummary("One title with its status history").RequireScope(CivilityScopes.PairingRead);
        units.MapPost("/{id:guid}/actions/{action}", ActAsync)
            .WithSummary("warn, order-rectification, restore, revoke or renew (review passed), with a reason")
            .RequireScope(CivilityScopes.Admin);
        return api;
    }

    private static async Task<Results<Created<CivilizedUnitResponse>, ValidationProblem>> CreateAsync(
        CreateCivilizedUnitRequest request, ConferTitle confer, CancellationToken ct)
    {
        var v = new RequestValidator();
        var code = v.Text("unitCode", request.UnitCode, 32);
        var name = v.Text("name", request.Name, 200);
        var credit = v.CreditCode("creditCode", request.CreditCode) ?? "";
        var level = v.Enum<TitleLevel>("level", request.Level);
        var termStart = v.Required("termStart", request.TermStart);
        var years = v.Range("termYears", request.TermYears ?? CivilizedUnit.DefaultTermYears, 1, 10);
        if (!v.IsValid) return v.Problem();
        var unit = await confer.ExecuteAsync(code, name, credit, level!.Value, termStart!.Value, years!.Value, ct);
        return TypedResults.Created($"/api/pairing/civilized-units/{unit.Id}", ToResponse(unit));
    }

    private static async Task<Results<Ok<PagedResult<CivilizedUnitSummary>>, ValidationProblem>> ListAsync(
        ListTitles list, string? status, string? level, bool? revocationProposed, DateOnly? reviewDueBefore, int? page, int? pageSize,
        CancellationToken ct)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<TitleStatus>("status", status, required: false);
        var levelFilter = v.Enum<TitleLevel>("level", level, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(await list.ExecuteAsync(
            new TitleFilter(statusFilter, levelFilter, revocationProposed, reviewDueBefore), paging, ct));
    }

    private static async Task<Ok<CivilizedUnitResponse>> GetAsync(Guid id, GetTitle get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<CivilizedUnitResponse>, ValidationProblem>> ActAsync(
        Guid id, string action, TitleActionRequest request, ActOnTitle act, CancellationToken ct)
    {
        var v = new RequestValidator();
        var titleAction = v.Enum<TitleAction>("action", action);
        var reason = v.Text("reason", request.Reason, 1000);
        var years = v.Range("termYears", request.TermYears ?? CivilizedUnit.DefaultTermYears, 1, 10);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ToResponse(await act.ExecuteAsync(id, titleAction!.Value, reason, years!.Value, ct)));
    }

    private static CivilizedUnitResponse ToResponse(CivilizedUnit u) => new(
        u.Id, u.UnitCode, u.Name, u.CreditCode, u.Level, u.TermStart, u.TermEnd, u.ReviewDeadline, u.Status, u.RevocationProposed,
        CivilizedUnit.AllowedActions(u.Status).Select(a => KebabName.Of(a)).ToList(),
        u.History.OrderBy(h => h.At).Select(h => new StatusChangeResponse(h.From, h.To, h.Action, h.By, h.Reason, h.At)).ToList());
}
