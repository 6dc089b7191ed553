using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Endpoints;

public static class PlacesApi
{
    public sealed record CreatePlaceRequest(string? Kind, string? Name, string? Township);

    public sealed record PlaceResponse(Guid Id, string Kind, string Name, string Township, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("/places").WithTags("Villages and communities");
        places.MapPost("/", CreateAsync).WithSummary("Register a village or a community").RequireScope(CivilityScopes.PairingWrite);
        places.MapGet("/{id:guid}", GetAsync).WithSummary("One village or community").RequireScope(CivilityScopes.PairingRead);
        places.MapGet("/", ListAsync).WithSummary("Villages and communities, by township and name").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<PlaceResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePlaceRequest request, PairingDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<PlaceKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            errors["kind"] = ["Kind is 'village' or 'community'."];
        var name = request.Name?.Trim() ?? "";
        var township = request.Township?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors["name"] = ["Name is required, at most 200 characters."];
        if (township.Length is 0 or > 200) errors["township"] = ["Township (or street) is required, at most 200 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Places.AnyAsync(p => p.Township == township && p.Name == name))
            return TypedResults.Problem(title: "This place exists.", detail: $"{township} {name}", statusCode: StatusCodes.Status409Conflict);

        var place = new Place(kind, name, township, clock.GetUtcNow());
        db.Places.Add(place);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/places/{place.Id}", ToResponse(place));
    }

    private static async Task<Results<Ok<PlaceResponse>, NotFound>> GetAsync(Guid id, PairingDbContext db) =>
        await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is { } place
            ? TypedResults.Ok(ToResponse(place))
            : TypedResults.NotFound();

    private static async Task<Ok<List<PlaceResponse>>> ListAsync(PairingDbContext db) =>
        TypedResults.Ok(await db.Places.AsNoTracking().OrderBy(p => p.Township).ThenBy(p => p.Name)
            .Select(p => new PlaceResponse(p.Id, p.Kind.ToString(), p.Name, p.Township, p.CreatedAt)).ToListAsync());

    private static PlaceResponse ToResponse(Place place) =>
        new(place.Id, place.Kind.ToString(), place.Name, place.Township, place.CreatedAt);
}
