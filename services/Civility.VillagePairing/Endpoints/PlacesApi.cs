using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Application.Places;
using Civility.VillagePairing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

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
        places.MapGet("/", ListAsync)
            .WithSummary("Villages and communities, by kind and township").RequireScope(CivilityScopes.PairingRead);
        return api;
    }

    private static async Task<Results<Created<PlaceResponse>, ValidationProblem>> CreateAsync(
        CreatePlaceRequest request, RegisterPlace register, CancellationToken ct)
    {
        var v = new RequestValidator();
        var kind = v.Enum<PlaceKind>("kind", request.Kind);
        var name = v.Text("name", request.Name, 200);
        var township = v.Text("township", request.Township, 200);
        if (!v.IsValid) return v.Problem();
        var place = await register.ExecuteAsync(kind!.Value, name, township, ct);
        return TypedResults.Created($"/api/pairing/places/{place.Id}", ToResponse(place));
    }

    private static async Task<Ok<PlaceResponse>> GetAsync(Guid id, GetPlace get, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await get.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<PagedResult<PlaceResponse>>, ValidationProblem>> ListAsync(
        ListPlaces list, string? kind, string? township, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new RequestValidator();
        var kindFilter = v.Enum<PlaceKind>("kind", kind, required: false);
        var paging = v.Paging(page, pageSize);
        if (!v.IsValid) return v.Problem();
        var result = await list.ExecuteAsync(kindFilter, township, paging, ct);
        return TypedResults.Ok(new PagedResult<PlaceResponse>(
            result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static PlaceResponse ToResponse(Place place) => new(place.Id, place.Kind, place.Name, place.Township, place.CreatedAt);
}
