using Civility.Domain;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application;

/// <summary>
/// What a caller may see: a unit-scoped client sees its own unit's titles, pairings and activities, and is told
/// nothing of the others (they are "not found", not "forbidden").
/// </summary>
public static class Visible
{
    public static async Task<CivilizedUnit> TitleAsync(this PairingDbContext db, Guid id, CallerContext caller, CancellationToken ct) =>
        await db.CivilizedUnits.FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit && caller.MayAccessUnit(unit.UnitCode)
            ? unit
            : throw DomainRuleException.NotFound("civilized unit");

    public static async Task<Pairing> PairingAsync(this PairingDbContext db, Guid id, CallerContext caller, CancellationToken ct) =>
        await db.Pairings.FirstOrDefaultAsync(p => p.Id == id, ct) is { } pairing && caller.MayAccessUnit(pairing.UnitCode)
            ? pairing
            : throw DomainRuleException.NotFound("pairing");

    public static async Task<PairingActivity> ActivityAsync(
        this PairingDbContext db, Guid id, CallerContext caller, CancellationToken ct) =>
        await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct) is { } activity && caller.MayAccessUnit(activity.UnitCode)
            ? activity
            : throw DomainRuleException.NotFound("activity");

    /// <summary>Tasks a unit-scoped caller sees: those assigned to its unit.</summary>
    public static IQueryable<CreationTask> Tasks(this PairingDbContext db, CallerContext caller) =>
        db.CreationTasks.Where(t => !caller.IsUnitScoped || t.Assignments.Any(a => a.UnitCode == caller.UnitId));
}
