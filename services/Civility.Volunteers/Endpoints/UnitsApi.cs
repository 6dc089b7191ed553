using Civility.Volunteers.Data;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Endpoints;

public static class UnitsApi
{
    public sealed record CreateUnitRequest(string? Code, string? Name, string? CreditCode);

    public sealed record UpdateUnitRequest(string? Name, string? CreditCode);

    public sealed record UnitResponse(Guid Id, string Code, string Name, string? CreditCode, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record HeadcountRequest(int? Headcount);

    public sealed record HeadcountResponse(string UnitCode, int Year, int Headcount, DateTimeOffset SetAt);

    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapPost("/", CreateAsync).WithSummary("Register a subordinate unit").RequireScope(CivilityScopes.Admin);
        units.MapPut("/{id:guid}", UpdateAsync).RequireScope(CivilityScopes.Admin)
            .WithSummary("Change a unit's name or unified social credit code")
            .WithDescription("The code stays: other services and unit-scoped clients name the unit by it.");
        units.MapGet("/{id:guid}", GetAsync).WithSummary("One unit").RequireScope(CivilityScopes.VolunteersRead);
        units.MapGet("/", ListAsync).WithSummary("Units by code (a unit-scoped client sees its own)").RequireScope(CivilityScopes.VolunteersRead);
        units.MapPut("/{id:guid}/headcounts/{year:int}", SetHeadcountAsync).RequireScope(CivilityScopes.Admin)
            .WithSummary("Set a unit's staff headcount for a year")
            .WithDescription("Each year keeps its own headcount: the targets of a year use that year's headcount.");
        units.MapGet("/{id:guid}/headcounts", HeadcountsAsync).RequireScope(CivilityScopes.VolunteersRead)
            .WithSummary("A unit's headcount by year");
        return api;
    }

    private static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUnitRequest request, VolunteersDbContext db, TimeProvider clock)
    {
        var check = new RequestValidator();
        var code = check.Text("code", request.Code, 32).ToUpperInvariant();
        var name = check.Text("name", request.Name, 200);
        var creditCode = check.CreditCode("creditCode", request.CreditCode, required: false);
        if (!check.IsValid) return check.Problem();
        if (await db.Units.AnyAsync(u => u.Code == code))
            return TypedResults.Problem(title: "A unit with this code exists.", detail: $"Unit code {code} is taken.", statusCode: StatusCodes.Status409Conflict);
        if (await CreditCodeTakenAsync(db, creditCode, null) is { } taken) return taken;

        var unit = new Unit(code, name, creditCode, clock.GetUtcNow());
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/volunteers/units/{unit.Id}", ToResponse(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateUnitRequest request, VolunteersDbContext db, TimeProvider clock)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var creditCode = check.CreditCode("creditCode", request.CreditCode, required: false);
        if (!check.IsValid) return check.Problem();
        if (await db.Units.FirstOrDefaultAsync(u => u.Id == id) is not { } unit) return TypedResults.NotFound();
        if (await CreditCodeTakenAsync(db, creditCode, id) is { } taken) return taken;
        if (unit.Update(name, creditCode, clock.GetUtcNow())) await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(unit));
    }

    private static async Task<ProblemHttpResult?> CreditCodeTakenAsync(VolunteersDbContext db, string? creditCode, Guid? self) =>
        creditCode is not null && await db.Units.FirstOrDefaultAsync(u => u.CreditCode == creditCode && u.Id != self) is { } other
            ? TypedResults.Problem(title: "Another unit has this credit code.",
                detail: $"Credit code {creditCode} belongs to unit {other.Code}.", statusCode: StatusCodes.Status409Conflict)
            : null;

    private static async Task<Results<Ok<UnitResponse>, NotFound>> GetAsync(Guid id, VolunteersDbContext db, CallerContext caller) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) is { } unit && caller.MayAccessUnit(unit.Code)
            ? TypedResults.Ok(ToResponse(unit))
            : TypedResults.NotFound();

    private static async Task<Ok<List<UnitResponse>>> ListAsync(VolunteersDbContext db, CallerContext caller) =>
        TypedResults.Ok(await db.Units.AsNoTracking()
            .Where(u => !caller.IsUnitScoped || u.Code == caller.UnitId)
            .OrderBy(u => u.Code)
            .Select(u => new UnitResponse(u.Id, u.Code, u.Name, u.CreditCode, u.CreatedAt, u.UpdatedAt)).ToListAsync());

    private static async Task<Results<Ok<HeadcountResponse>, NotFound, ValidationProblem>> SetHeadcountAsync(
        Guid id, int year, HeadcountRequest request, VolunteersDbContext db, TimeProvider clock)
    {
        var check = new RequestValidator();
        check.Range("year", year, 2000, 2100);
        var headcount = check.Range("headcount", request.Headcount, 0, 1_000_000);
        if (!check.IsValid) return check.Problem();
        if (await db.Units.Include(u => u.Headcounts).FirstOrDefaultAsync(u => u.Id == id) is not { } unit) return TypedResults.NotFound();
        var entry = unit.SetHeadcount(year, headcount!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return TypedResults.Ok(new HeadcountResponse(unit.Code, year, entry.Headcount, entry.SetAt));
    }

    private static async Task<Results<Ok<List<HeadcountResponse>>, NotFound>> HeadcountsAsync(Guid id, VolunteersDbContext db, CallerContext caller) =>
        await db.Units.AsNoTracking().Include(u => u.Headcounts).FirstOrDefaultAsync(u => u.Id == id) is { } unit && caller.MayAccessUnit(unit.Code)
            ? TypedResults.Ok(unit.Headcounts.OrderBy(h => h.Year).Select(h => new HeadcountResponse(unit.Code, h.Year, h.Headcount, h.SetAt)).ToList())
            : TypedResults.NotFound();

    private static UnitResponse ToResponse(Unit unit) => new(unit.Id, unit.Code, unit.Name, unit.CreditCode, unit.CreatedAt, unit.UpdatedAt);
}
