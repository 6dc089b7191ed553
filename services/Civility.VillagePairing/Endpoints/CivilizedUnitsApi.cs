using Civility.Contracts.VillagePairing;
using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.Messaging.Outbox;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;

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

    public sealed record CivilizedUnitSummary(
        Guid Id, string UnitCode, string Name, TitleLevel Level, DateOnly ReviewDeadline, TitleStatus Status, bool RevocationProposed);

    public static RouteGroupBuilder MapCivilizedUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/civilized-units").WithTags("Civilized units");
        units.MapPost("/", CreateAsync).WithSummary("Confer a civilized-unit title (文明单位)").RequireScope(CivilityScopes.Admin);
        units.MapGet("/", ListAsync).WithSummary("Titles by status and level (a unit-scoped client sees its own)").RequireScope(CivilityScopes.PairingRead);
        units.MapGet("/{id:guid}", GetAsync).WithSummary("One title with its status history").RequireScope(CivilityScopes.PairingRead);
        units.MapPost("/{id:guid}/actions/{action}", ActAsync)
            .WithSummary("warn, order-rectification, restore, revoke or renew (review passed), with a reason").RequireScope(CivilityScopes.Admin);
        return api;
    }

    internal static async Task<CivilizedUnit?> FindAsync(PairingDbContext db, Guid id, CallerContext caller) =>
        await db.CivilizedUnits.FirstOrDefaultAsync(u => u.Id == id) is { } unit && caller.MayAccessUnit(unit.UnitCode) ? unit : null;

    private static async Task<Results<Created<CivilizedUnitResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCivilizedUnitRequest request, PairingDbContext db, TimeProvider clock)
    {
        var v = new RequestValidator();
        var code = v.Text("unitCode", request.UnitCode, 32);
        var name = v.Text("name", request.Name, 200);
        var credit = v.CreditCode("creditCode", request.CreditCode) ?? "";
        var level = v.Enum<TitleLevel>("level", request.Level);
        var termStart = v.Required("termStart", request.TermStart);
        var years = v.Range("termYears", request.TermYears ?? CivilizedUnit.DefaultTermYears, 1, 10);
        if (!v.IsValid) return v.Problem();
        if (await db.CivilizedUnits.AnyAsync(u => u.UnitCode == code || u.CreditCode == credit))
            return TypedResults.Problem(title: "This unit already holds a title.", detail: $"Unit {code} or credit code {credit} is taken.",
                statusCode: StatusCodes.Status409Conflict);

        var unit = new CivilizedUnit(code, name, credit, level!.Value, termStart!.Value, years!.Value, clock.GetUtcNow());
        db.CivilizedUnits.Add(unit);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/civilized-units/{unit.Id}", ToResponse(unit));
    }

    private static async Task<Results<Ok<PagedResult<CivilizedUnitSummary>>, ValidationProblem>> ListAsync(
        PairingDbContext db, CallerContext caller, string? status, string? level, bool? revocationProposed, DateOnly? reviewDueBefore,
        int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var statusFilter = v.Enum<TitleStatus>("status", status, required: false);
        var levelFilter = v.Enum<TitleLevel>("level", level, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();

        var query = db.CivilizedUnits.AsNoTracking().Where(u => !caller.IsUnitScoped || u.UnitCode == caller.UnitId);
        if (statusFilter is { } s) query = query.Where(u => u.Status == s);
        if (levelFilter is { } l) query = query.Where(u => u.Level == l);
        // The admin's worklists: titles with a veto pending, titles whose review is coming up.
        if (revocationProposed is { } proposed) query = query.Where(u => u.RevocationProposed == proposed);
        if (reviewDueBefore is { } due) query = query.Where(u => u.ReviewDeadline < due);
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderBy(u => u.UnitCode),
            u => new CivilizedUnitSummary(u.Id, u.UnitCode, u.Name, u.Level, u.ReviewDeadline, u.Status, u.RevocationProposed)));
    }

    private static async Task<Results<Ok<CivilizedUnitResponse>, NotFound>> GetAsync(Guid id, PairingDbContext db, CallerContext caller) =>
        await FindAsync(db, id, caller) is { } unit ? TypedResults.Ok(ToResponse(unit)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CivilizedUnitResponse>, NotFound, ValidationProblem>> ActAsync(
        Guid id, string action, TitleActionRequest request, PairingDbContext db, CallerContext caller, TimeProvider clock)
    {
        var v = new RequestValidator();
        var titleAction = v.Enum<TitleAction>("action", action);
        var reason = v.Text("reason", request.Reason, 1000);
        var years = v.Range("termYears", request.TermYears ?? CivilizedUnit.DefaultTermYears, 1, 10);
        if (!v.IsValid) return v.Problem();
        if (await FindAsync(db, id, caller) is not { } unit) return TypedResults.NotFound();

        var change = unit.Apply(titleAction!.Value, caller.Actor, reason, clock.GetUtcNow(), years!.Value);
        Announce(db, unit, change, clock);
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(unit));
    }

    /// <summary>Queues CivilizedUnitStatusChanged when the status really moved (a renewal keeps it).</summary>
    internal static void Announce(PairingDbContext db, CivilizedUnit unit, TitleStatusChange? change, TimeProvider clock)
    {
        if (change is null || change.From == change.To) return;
        db.AddIntegrationEvent(new CivilizedUnitStatusChanged(unit.Id, unit.UnitCode, unit.Name, unit.CreditCode,
            KebabName.Of(change.From), KebabName.Of(change.To), change.Reason), clock);
    }

    private static CivilizedUnitResponse ToResponse(CivilizedUnit u) => new(
        u.Id, u.UnitCode, u.Name, u.CreditCode, u.Level, u.TermStart, u.TermEnd, u.ReviewDeadline, u.Status, u.RevocationProposed,
        CivilizedUnit.AllowedActions(u.Status).Select(a => KebabName.Of(a)).ToList(),
        u.History.OrderBy(h => h.At).Select(h => new StatusChangeResponse(h.From, h.To, h.Action, h.By, h.Reason, h.At)).ToList());
}
