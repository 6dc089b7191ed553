using Civility.Hosting.Metrics;
using Civility.MoralModels.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels;

/// <summary>The business figures of this service on the dashboard (see <see cref="BusinessMetrics"/>).</summary>
public static class MoralModelsMetrics
{
    public static IServiceCollection AddMoralModelsMetrics(this IServiceCollection services) =>
        services.AddBusinessGauge<MoralModelsDbContext>("civility.nominations", "{nomination}", "Nominations by workflow state.",
            async (db, ct) => (await db.Nominations.GroupBy(n => n.Status)
                    .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct))
                .Select(g => new GaugeReading(g.Count, new KeyValuePair<string, object?>("state", g.Key.ToString()))).ToList());
}
