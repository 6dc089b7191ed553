using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Endpoints;

public static class PlacesApi
{
    public sealed record CreatePlaceRequest(string? Kind, string? Name, string? Township);

    public sealed record PlaceResponse(Guid Id, PlaceKind Kind, string Name, string Township, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("/places").WithTags("Villages and communities");
        places.MapPost("/", CreateAsync).WithSummary("Register a village or a community").RequireScope(CivilityScopes.PairingWrite);
        places.MapGet("/{id:guid}", GetAsync).WithSummary("One village or community").RequireScope(CivilityScopes.PairingRead);
        places.MapGet("/", ListAsync).WithSummary("Villages and communities, by kind and township").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<PlaceResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePlaceRequest request, PairingDbContext db, TimeProvider clock)
    {
        var v = new RequestValidator();
        var kind = v.Enum<PlaceKind>("kind", request.Kind);
        var name = v.Text("name", request.Name, 200);
        var township = v.Text("township", request.Township, 200);
        if (!v.IsValid) return v.Problem();
        if (await db.Places.AnyAsync(p => p.Township == township && p.Name == name))
            return TypedResults.Problem(title: "This place exists.", detail: $"{township} {name}", statusCode: StatusCodes.Status409Conflict);

        var place = new Place(kind!.Value, name, township, clock.GetUtcNow());
        db.Places.Add(place);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/pairing/places/{place.Id}", ToResponse(place));
    }

    private static async Task<Results<Ok<PlaceResponse>, NotFound>> GetAsync(Guid id, PairingDbContext db) =>
        await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is { } place
            ? TypedResults.Ok(ToResponse(place))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PagedResult<PlaceResponse>>, ValidationProblem>> ListAsync(
        PairingDbContext db, string? kind, string? township, int? page, int? pageSize)
    {
        var v = new RequestValidator();
        var kindFilter = v.Enum<PlaceKind>("kind", kind, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();

        var query = db.Places.AsNoTracking();
        if (kindFilter is { } k) query = query.Where(p => p.Kind == k);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township.Trim());
        return TypedResults.Ok(await paging.ApplyAsync(query.OrderBy(p => p.Township).ThenBy(p => p.Name),
            p => new PlaceResponse(p.Id, p.Kind, p.Name, p.Township, p.CreatedAt)));
    }

    private static PlaceResponse ToResponse(Place place) => new(place.Id, place.Kind, place.Name, place.Township, place.CreatedAt);
}
