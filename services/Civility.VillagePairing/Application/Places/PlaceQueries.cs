using Civility.Domain;
using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Places;

public sealed class GetPlace(PairingDbContext db) : IUseCase
{
    public async Task<Place> ExecuteAsync(Guid id, CancellationToken ct) =>
        (await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)).OrNotFound("village or community");
}

/// <summary>Villages and communities, by kind and township.</summary>
public sealed class ListPlaces(PairingDbContext db) : IUseCase
{
    public Task<PagedResult<Place>> ExecuteAsync(PlaceKind? kind, string? township, PageRequest paging, CancellationToken ct)
    {
        var query = db.Places.AsNoTracking();
        if (kind is { } k) query = query.Where(p => p.Kind == k);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township.Trim());
        return paging.ApplyAsync(query.OrderBy(p => p.Township).ThenBy(p => p.Name), p => p, ct);
    }
}
