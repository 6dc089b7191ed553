using Civility.Domain.Time;
using Civility.Hosting.Metrics;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers;

/// <summary>The business figures of this service on the dashboard (see <see cref="BusinessMetrics"/>).</summary>
public static class VolunteersMetrics
{
    public static IServiceCollection AddVolunteerMetrics(this IServiceCollection services) => services
        .AddBusinessGauge<VolunteersDbContext>("civility.volunteers.registered", "{volunteer}", "Active registered volunteers by unit.",
            async (db, ct) => (await db.Volunteers.Where(v => v.Status == VolunteerStatus.Active)
                    .GroupBy(v => v.UnitCode).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct))
                .Select(g => new GaugeReading(g.Count, new KeyValuePair<string, object?>("unit", g.Key))).ToList())
        .AddBusinessGauge<VolunteersDbContext>("civility.hours.approved", "h", "Approved service hours this year by unit.",
            async (db, clock, ct) =>
            {
                var year = clock.CountyYear();
                return (await db.UnitYearHours.Where(h => h.Year == year).ToListAsync(ct))
                    .Select(h => new GaugeReading((long)h.ApprovedHours, new KeyValuePair<string, object?>("unit", h.UnitCode))).ToList();
            });
}
