using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Application.Assessments;

/// <summary>A unit's assessments, latest year first.</summary>
public sealed class ListAssessments(PairingDbContext db, CallerContext caller) : IUseCase
{
    public async Task<PagedResult<Assessment>> ExecuteAsync(Guid civilizedUnitId, PageRequest paging, CancellationToken ct)
    {
        await db.TitleAsync(civilizedUnitId, caller, ct);
        return await paging.ApplyAsync(
            db.Assessments.AsNoTracking().Where(a => a.CivilizedUnitId == civilizedUnitId).OrderByDescending(a => a.Year), a => a, ct);
    }
}
