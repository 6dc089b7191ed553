using Civility.Domain;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.CivilizedUnits;

/// <summary>Confers a civilized-unit title (文明单位); a unit holds one title at a time.</summary>
public sealed class ConferTitle(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<CivilizedUnit> ExecuteAsync(
        string unitCode, string name, string creditCode, TitleLevel level, DateOnly termStart, int termYears, CancellationToken ct)
    {
        if (await db.CivilizedUnits.AnyAsync(u => u.UnitCode == unitCode || u.CreditCode == creditCode, ct))
            throw DomainRuleException.Conflict("This unit already holds a title.",
                $"Unit {unitCode} or credit code {creditCode} is taken.");
        var unit = new CivilizedUnit(unitCode, name, creditCode, level, termStart, termYears, clock.GetUtcNow());
        db.CivilizedUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
