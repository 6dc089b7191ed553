using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>How a list of volunteers is narrowed; every filter is optional.</summary>
public sealed record VolunteerFilter(string? UnitCode, VolunteerStatus? Status, string? Skill, bool? Staff, string? Name);

/// <summary>Volunteers as the caller may see them (a unit-scoped client its own unit's).</summary>
public sealed class VolunteerQueries(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<Volunteer> OneAsync(Guid id, CancellationToken cancellationToken) =>
        caller.Visible(await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken),
            v => v.UnitCode, "volunteer");

    /// <summary>A page of volunteers by number.</summary>
    public async Task<PagedResult<Volunteer>> PageAsync(VolunteerFilter filter, PageRequest paging, CancellationToken cancellationToken)
    {
        var (unitCode, status, skill, staff, name) = filter;
        var query = db.Volunteers.AsNoTracking();
        if (caller.IsUnitScoped) query = query.Where(v => v.UnitCode == caller.UnitId);
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(v => v.UnitCode == unitCode);
        if (status is { } wanted) query = query.Where(v => v.Status == wanted);
        if (!string.IsNullOrWhiteSpace(skill)) query = query.Where(v => v.Skills.Contains(skill));
        if (staff is { } isStaff) query = query.Where(v => v.IsStaffOfUnit == isStaff);
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(v => v.Name.Contains(name));
        return await paging.ApplyAsync(query.OrderBy(v => v.Number), v => v, cancellationToken);
    }
}
