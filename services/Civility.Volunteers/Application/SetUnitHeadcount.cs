using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Sets a unit's staff headcount for a year: the denominator of that year's targets (the year's figures follow).</summary>
public sealed class SetUnitHeadcount(VolunteersDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<(Unit Unit, UnitHeadcount Headcount)> ExecuteAsync(Guid id, int year, int headcount,
        CancellationToken cancellationToken)
    {
        var unit = (await db.Units.Include(u => u.Headcounts).FirstOrDefaultAsync(u => u.Id == id, cancellationToken)).OrNotFound("unit");
        var entry = unit.SetHeadcount(year, headcount, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (unit, entry);
    }
}
