using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.VillagePairing.Application.Assessments;

/// <summary>Assesses a unit's year (年度测评) once: weighted indicators less the negative list, and a proposed outcome.</summary>
public sealed class AssessUnit(
    PairingDbContext db, CallerContext caller, TimeProvider clock, IOptions<AssessmentSettings> settings) : IUseCase
{
    public async Task<Assessment> ExecuteAsync(Guid civilizedUnitId, int year, IReadOnlyList<Deduction> deductions, CancellationToken ct)
    {
        var unit = await db.TitleAsync(civilizedUnitId, caller, ct);
        if (await db.Assessments.AnyAsync(a => a.CivilizedUnitId == civilizedUnitId && a.Year == year, ct))
            throw DomainRuleException.Conflict("This year is already assessed.", $"{unit.UnitCode} {year}");
        var values = await UnitIndicators.ComputeAsync(db, unit.UnitCode, year, settings.Value, ct);
        var assessment = new Assessment(unit, year, values, deductions, settings.Value, caller.Actor, clock.GetUtcNow());
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }
}
