using Civility.Domain;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Application;

/// <summary>
/// What a caller may see: a unit-scoped client sees the nominations of its unit and those it made, and is told
/// nothing of the others (they are "not found", not "forbidden").
/// </summary>
public static class Visibility
{
    public static IQueryable<Nomination> Visible(this IQueryable<Nomination> nominations, CallerContext caller) =>
        caller.IsUnitScoped
            ? nominations.Where(n => n.UnitCode == caller.UnitId || n.NominatorClientId == caller.ClientId)
            : nominations;

    /// <summary>The nomination, tracked, or 404 when it does not exist or is another unit's.</summary>
    public static async Task<Nomination> NominationAsync(this MoralModelsDbContext db, Guid id, CallerContext caller,
        CancellationToken ct) =>
        (await db.Nominations.Visible(caller).AsSplitQuery().FirstOrDefaultAsync(n => n.Id == id, ct)).OrNotFound("nomination");
}
