using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Application;
using Civility.Volunteers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

public static class UnitsApi
{
    public sealed record CreateUnitRequest(string? Code, string? Name, string? CreditCode);

    public sealed record UpdateUnitRequest(string? Name, string? CreditCode);

    public sealed record UnitResponse(
        Guid Id, string Code, string Name, string? CreditCode, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record HeadcountRequest(int? Headcount);

    public sealed record HeadcountResponse(string UnitCode, int Year, int Headcount, DateTimeOffset SetAt);

    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapPost("/", CreateAsync).WithSummary("Register a subordinate unit").RequireScope(CivilityScopes.Admin);
        units.MapPut("/{id:guid}", UpdateAsync).RequireScope(CivilityScopes.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a unit's name or unified social credit code")
            .WithDescription("The code stays: other services and unit-scoped clients name the unit by it.");
        units.MapGet("/{id:guid}", GetAsync).WithSummary("One unit").RequireScope(CivilityScopes.VolunteersRead)
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapGet("/", ListAsync)
            .WithSummary("Units by code (a unit-scoped client sees its own)").RequireScope(CivilityScopes.VolunteersRead);
        units.MapPut("/{id:guid}/headcounts/{year:int}", SetHeadcountAsync).RequireScope(CivilityScopes.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a unit's staff headcount for a year")
            .WithDescription("Each year keeps its own headcount: the targets of a year use that year's headcount.");
        units.MapGet("/{id:guid}/headcounts", HeadcountsAsync).RequireScope(CivilityScopes.VolunteersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A unit's headcount by year");
        return api;
    }

    private static async Task<Results<Created<UnitResponse>, ValidationProblem>> CreateAsync(
        CreateUnitRequest request, RegisterUnit registerUnit, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var code = check.Text("code", request.Code, 32).ToUpperInvariant();
        var name = check.Text("name", request.Name, 200);
        var creditCode = check.CreditCode("creditCode", request.CreditCode, required: false);
        if (!check.IsValid) return check.Problem();
        var unit = await registerUnit.ExecuteAsync(code, name, creditCode, cancellationToken);
        return TypedResults.Created($"/api/volunteers/units/{unit.Id}", ToResponse(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, ValidationProblem>> UpdateAsync(
        Guid id, UpdateUnitRequest request, ChangeUnitDetails changeUnitDetails, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        var name = check.Text("name", request.Name, 200);
        var creditCode = check.CreditCode("creditCode", request.CreditCode, required: false);
        if (!check.IsValid) return check.Problem();
        return TypedResults.Ok(ToResponse(await changeUnitDetails.ExecuteAsync(id, name, creditCode, cancellationToken)));
    }

    private static async Task<Ok<UnitResponse>> GetAsync(Guid id, UnitQueries units, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await units.OneAsync(id, cancellationToken)));

    private static async Task<Ok<List<UnitResponse>>> ListAsync(UnitQueries units, CancellationToken cancellationToken) =>
        TypedResults.Ok((await units.AllAsync(cancellationToken)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<HeadcountResponse>, ValidationProblem>> SetHeadcountAsync(
        Guid id, int year, HeadcountRequest request, SetUnitHeadcount setUnitHeadcount, CancellationToken cancellationToken)
    {
        var check = new RequestValidator();
        check.Range("year", year, 2000, 2100);
        var headcount = check.Range("headcount", request.Headcount, 0, 1_000_000);
        if (!check.IsValid) return check.Problem();
        var (unit, entry) = await setUnitHeadcount.ExecuteAsync(id, year, headcount!.Value, cancellationToken);
        return TypedResults.Ok(new HeadcountResponse(unit.Code, year, entry.Headcount, entry.SetAt));
    }

    private static async Task<Ok<List<HeadcountResponse>>> HeadcountsAsync(Guid id, UnitQueries units, CancellationToken cancellationToken)
    {
        var unit = await units.WithHeadcountsAsync(id, cancellationToken);
        return TypedResults.Ok(unit.Headcounts.OrderBy(h => h.Year)
            .Select(h => new HeadcountResponse(unit.Code, h.Year, h.Headcount, h.SetAt)).ToList());
    }

    private static UnitResponse ToResponse(Unit unit) =>
        new(unit.Id, unit.Code, unit.Name, unit.CreditCode, unit.CreatedAt, unit.UpdatedAt);
}
