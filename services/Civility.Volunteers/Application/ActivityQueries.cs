using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>How a list of activities is narrowed: by project, unit, and a period they overlap; every filter is optional.</summary>
public sealed record ActivityFilter(Guid? ProjectId, string? UnitCode, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Activities as the caller may see them (a unit-scoped client its own unit's).</summary>
public sealed class ActivityQueries(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    /// <summary>The activity with its sign-ups and waitlist.</summary>
    public async Task<Activity> OneAsync(Guid id, CancellationToken cancellationToken) =>
        caller.Visible(await db.Activities.Include(a => a.SignUps).FirstOrDefaultAsync(a => a.Id == id, cancellationToken),
            a => a.UnitCode, "activity");

    /// <summary>A page of activities, soonest first.</summary>
    public async Task<PagedResult<Activity>> PageAsync(ActivityFilter filter, PageRequest paging, CancellationToken cancellationToken)
    {
        var (projectId, unitCode, from, to) = filter;
        var query = db.Activities.AsNoTracking();
        if (caller.IsUnitScoped) query = query.Where(a => a.UnitCode == caller.UnitId);
        if (projectId is { } project) query = query.Where(a => a.ProjectId == project);
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(a => a.UnitCode == unitCode.Trim().ToUpperInvariant());
        if (from is { } since) query = query.Where(a => a.EndsAt >= since.ToUniversalTime());
        if (to is { } until) query = query.Where(a => a.StartsAt <= until.ToUniversalTime());
        return await paging.ApplyAsync(query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id), a => a, cancellationToken);
    }
}
