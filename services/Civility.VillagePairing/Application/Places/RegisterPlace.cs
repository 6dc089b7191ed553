using Civility.Domain;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Places;

/// <summary>Registers a village or a community, once per township and name.</summary>
public sealed class RegisterPlace(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Place> ExecuteAsync(PlaceKind kind, string name, string township, CancellationToken ct)
    {
        if (await db.Places.AnyAsync(p => p.Township == township && p.Name == name, ct))
            throw DomainRuleException.Conflict("This place exists.", $"{township} {name}");
        var place = new Place(kind, name, township, clock.GetUtcNow());
        db.Places.Add(place);
        await db.SaveChangesAsync(ct);
        return place;
    }
}
