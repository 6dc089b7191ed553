using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Registers a subordinate unit; other services hear of its code, name and credit code.</summary>
public sealed class RegisterUnit(VolunteersDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Unit> ExecuteAsync(string code, string name, string? creditCode, CancellationToken cancellationToken)
    {
        if (await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
            throw DomainRuleException.Conflict("A unit with this code exists.", $"Unit code {code} is taken.");
        await UnitCreditCodes.RefuseTakenAsync(db, creditCode, null, cancellationToken);
        var unit = new Unit(code, name, creditCode, clock.GetUtcNow());
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return unit;
    }
}
