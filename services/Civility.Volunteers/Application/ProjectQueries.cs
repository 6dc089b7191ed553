using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Teams and projects as the caller may see them (a unit-scoped client its own unit's).</summary>
public sealed class ProjectQueries(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<List<Team>> TeamsAsync(CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking()
            .Where(t => !caller.IsUnitScoped || t.UnitCode == caller.UnitId)
            .OrderBy(t => t.UnitCode).ThenBy(t => t.Name)
            .ToListAsync(cancellationToken);

    /// <summary>Projects, newest first.</summary>
    public async Task<List<VolunteerProject>> ProjectsAsync(ProjectCategory? category, string? unitCode,
        CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking()
            .Where(p => !caller.IsUnitScoped || p.OrganizingUnitCode == caller.UnitId)
            .Where(p => category == null || p.Category == category)
            .Where(p => unitCode == null || p.OrganizingUnitCode == unitCode)
            .OrderByDescending(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
}
