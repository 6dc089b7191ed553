using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Changes a unit's name or credit code; its code stays (other services and unit-scoped clients name it by it).</summary>
public sealed class ChangeUnitDetails(VolunteersDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Unit> ExecuteAsync(Guid id, string name, string? creditCode, CancellationToken cancellationToken)
    {
        var unit = (await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)).OrNotFound("unit");
        await UnitCreditCodes.RefuseTakenAsync(db, creditCode, id, cancellationToken);
        // Nothing changed, nothing saved and nothing announced.
        if (unit.Update(name, creditCode, clock.GetUtcNow())) await db.SaveChangesAsync(cancellationToken);
        return unit;
    }
}
