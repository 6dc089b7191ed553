using Civility.Volunteers.Data;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Endpoints;

public static class UnitsApi
{
    public sealed record CreateUnitRequest(string? Code, string? Name);

    public sealed record UnitResponse(Guid Id, string Code, string Name, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapPost("/", CreateAsync).WithSummary("Register a subordinate unit").RequireScope(CivilityScopes.Admin);
        units.MapGet("/{id:guid}", GetAsync).WithSummary("One unit").RequireScope(CivilityScopes.VolunteersRead);
        units.MapGet("/", ListAsync).WithSummary("Units by code (a unit-scoped client sees its own)").RequireScope(CivilityScopes.VolunteersRead);
        return api;
    }

    private static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUnitRequest request, VolunteersDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var code = request.Code?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        if (code.Length is 0 or > 32) errors["code"] = ["Code is required, at most 32 characters."];
        if (name.Length is 0 or > 200) errors["name"] = ["Name is required, at most 200 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Units.AnyAsync(u => u.Code == code))
            return TypedResults.Problem(title: "A unit with this code exists.", detail: $"Unit code {code} is taken.", statusCode: StatusCodes.Status409Conflict);

        var unit = new Unit(code, name, clock.GetUtcNow());
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/volunteers/units/{unit.Id}", ToResponse(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, NotFound>> GetAsync(Guid id, VolunteersDbContext db, CallerContext caller) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) is { } unit && caller.MayAccessUnit(unit.Code)
            ? TypedResults.Ok(ToResponse(unit))
            : TypedResults.NotFound();

    private static async Task<Ok<List<UnitResponse>>> ListAsync(VolunteersDbContext db, CallerContext caller) =>
        TypedResults.Ok(await db.Units.AsNoTracking()
            .Where(u => !caller.IsUnitScoped || u.Code == caller.UnitId)
            .OrderBy(u => u.Code)
            .Select(u => new UnitResponse(u.Id, u.Code, u.Name, u.CreatedAt)).ToListAsync());

    private static UnitResponse ToResponse(Unit unit) => new(unit.Id, unit.Code, unit.Name, unit.CreatedAt);
}
