using Civility.Data;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

public sealed record RebuildReport(int Year, int Units, IReadOnlyList<TotalsDifference> Corrected);

/// <summary>
/// Sets a year's unit totals to what the approved records add up to, and reports every difference it corrected (there
/// should be none). Every unit's figures of the year are announced again, so a service that missed one is brought level.
/// </summary>
public sealed class RebuildTargetTotals(VolunteersDbContext db) : IUseCase
{
    public async Task<RebuildReport> ExecuteAsync(int year, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct =>
        {
            // Holds the totals against every other change until the transaction ends, so nothing slips in between.
            await db.Database.ExecuteSqlAsync($"LOCK TABLE volunteers.unit_year_hours IN SHARE ROW EXCLUSIVE MODE", ct);
            var units = await KeptTotals.CompareAsync(db, year, ct);
            foreach (var unit in units)
            {
                var version = await UnitFigures.SetAsync(db, unit.UnitCode, year, unit.Staff, unit.Other, ct);
                await UnitFigures.SnapshotAsync(db, unit.UnitCode, year, (unit.Staff, unit.Other, version), null, 0, ct);
            }
            return new RebuildReport(year, units.Count, [.. units.Select(u => u.Difference).OfType<TotalsDifference>()]);
        }, cancellationToken, OnConflict.Retry);
}
