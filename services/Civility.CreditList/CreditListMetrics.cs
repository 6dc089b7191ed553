using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Hosting.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList;

/// <summary>The business figures of this service on the dashboard (see <see cref="BusinessMetrics"/>).</summary>
public static class CreditListMetrics
{
    public static IServiceCollection AddCreditListMetrics(this IServiceCollection services) =>
        services.AddBusinessGauge<CreditDbContext>(
            "civility.listings.active", "{entry}", "Active (published) list entries by list and tier.",
            async (db, ct) => (await db.Entries.Where(e => e.Status == EntryStatus.Active).GroupBy(e => new { e.ListType, e.Tier })
                    .Select(g => new { g.Key.ListType, g.Key.Tier, Count = g.LongCount() }).ToListAsync(ct))
                .Select(g => new GaugeReading(g.Count, new KeyValuePair<string, object?>("list", g.ListType.ToString()),
                    new KeyValuePair<string, object?>("tier", g.Tier.ToString() ?? "none"))).ToList());
}
