using Civility.Contracts.Volunteers;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.UnitFigures;

/// <summary>
/// Keeps the latest of a unit's yearly figures as the volunteer service publishes them: the inputs of the
/// registration rate and per-head hours. One atomic statement that replaces only an older version, so snapshots
/// delivered late, twice or at once end at the newest whatever their order.
/// </summary>
public sealed class RecordUnitFigures(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public Task ExecuteAsync(UnitTargetsChanged figures, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO pairing.unit_year_stats AS s
                (unit_code, year, figures_version, headcount, registered_staff, staff_hours, other_hours, updated_at)
            VALUES ({figures.UnitCode}, {figures.Year}, {figures.FiguresVersion}, {figures.Headcount}, {figures.RegisteredStaff},
                    {figures.StaffHours}, {figures.OtherHours}, {clock.GetUtcNow()})
            ON CONFLICT (unit_code, year) DO UPDATE
            SET figures_version = excluded.figures_version, headcount = excluded.headcount, registered_staff = excluded.registered_staff,
                staff_hours = excluded.staff_hours, other_hours = excluded.other_hours, updated_at = excluded.updated_at
            WHERE s.figures_version < excluded.figures_version
            """, ct);
}
