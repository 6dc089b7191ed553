using Civility.Domain;
using Civility.Hosting.Application;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>Starts a volunteer service project of an organizing unit, with its category (and campaign, for a themed one).</summary>
public sealed class StartProject(VolunteersDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<VolunteerProject> ExecuteAsync(string name, ProjectCategory category, string organizingUnitCode, Guid? teamId,
        string? campaign, CancellationToken cancellationToken)
    {
        if (!await db.Units.AnyAsync(u => u.Code == organizingUnitCode, cancellationToken)) throw DomainRuleException.NotFound("unit");
        var project = new VolunteerProject(name, category, organizingUnitCode, teamId, campaign, clock.GetUtcNow());
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }
}
