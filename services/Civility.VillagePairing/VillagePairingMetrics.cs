using Civility.Hosting.Metrics;
using Civility.VillagePairing.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing;

/// <summary>The business figures of this service on the dashboard (see <see cref="BusinessMetrics"/>).</summary>
public static class VillagePairingMetrics
{
    public static IServiceCollection AddVillagePairingMetrics(this IServiceCollection services) =>
        services.AddBusinessGauge<PairingDbContext>("civility.titles", "{unit}", "Civilized-unit titles by status.",
            async (db, ct) => (await db.CivilizedUnits.GroupBy(u => u.Status)
                    .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct))
                .Select(g => new GaugeReading(g.Count, new KeyValuePair<string, object?>("status", g.Key.ToString()))).ToList());
}
