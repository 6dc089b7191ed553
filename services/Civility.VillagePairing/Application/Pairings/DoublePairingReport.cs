using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Pairings;

/// <summary>A title holder missing one side of the double pairing (双结对).</summary>
public sealed record DoublePairingGap(Guid CivilizedUnitId, string UnitCode, string Name, bool HasVillage, bool HasCommunity);

public enum Lacking { Village, Community, Both, Any }

/// <summary>Titles in force lacking a village pairing, a community pairing, or both.</summary>
public sealed class DoublePairingReport(PairingDbContext db, CallerContext caller) : IUseCase
{
    public Task<PagedResult<DoublePairingGap>> ExecuteAsync(Lacking which, PageRequest paging, CancellationToken ct)
    {
        var active = db.Pairings.Where(p => p.Status == PairingStatus.Active);
        var rows = db.CivilizedUnits.AsNoTracking()
            .Where(u => u.Status != TitleStatus.Revoked && u.Status != TitleStatus.Lapsed)
            .Where(u => !caller.IsUnitScoped || u.UnitCode == caller.UnitId)
            .Select(u => new
            {
                u.Id, u.UnitCode, u.Name,
                HasVillage = active.Any(p => p.CivilizedUnitId == u.Id && p.PlaceKind == PlaceKind.Village),
                HasCommunity = active.Any(p => p.CivilizedUnitId == u.Id && p.PlaceKind == PlaceKind.Community),
            });
        rows = which switch
        {
            Lacking.Village => rows.Where(r => !r.HasVillage),
            Lacking.Community => rows.Where(r => !r.HasCommunity),
            Lacking.Both => rows.Where(r => !r.HasVillage && !r.HasCommunity),
            _ => rows.Where(r => !r.HasVillage || !r.HasCommunity),
        };
        return paging.ApplyAsync(rows.OrderBy(r => r.UnitCode),
            r => new DoublePairingGap(r.Id, r.UnitCode, r.Name, r.HasVillage, r.HasCommunity), ct);
    }
}
