using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Units as the caller may see them (a unit-scoped client its own).</summary>
public sealed class UnitQueries(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<Unit> OneAsync(Guid id, CancellationToken cancellationToken) =>
        caller.Visible(await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken), u => u.Code, "unit");

    /// <summary>The unit with its headcount of every year.</summary>
    public async Task<Unit> WithHeadcountsAsync(Guid id, CancellationToken cancellationToken) =>
        caller.Visible(await db.Units.AsNoTracking().Include(u => u.Headcounts).FirstOrDefaultAsync(u => u.Id == id, cancellationToken),
            u => u.Code, "unit");

    public async Task<List<Unit>> AllAsync(CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking()
            .Where(u => !caller.IsUnitScoped || u.Code == caller.UnitId)
            .OrderBy(u => u.Code)
            .ToListAsync(cancellationToken);
}
