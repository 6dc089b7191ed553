using Civility.Hosting;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>How a list of service records is narrowed: by volunteer, unit, status and service dates; every filter is optional.</summary>
public sealed record ServiceRecordFilter(Guid? VolunteerId, string? UnitCode, ServiceRecordStatus? Status, DateOnly? From, DateOnly? To);

/// <summary>Service records as the caller may see them (a unit-scoped client its own unit's).</summary>
public sealed class ServiceRecordQueries(VolunteersDbContext db, CallerContext caller) : IUseCase
{
    public async Task<ServiceRecord> OneAsync(Guid id, CancellationToken cancellationToken) =>
        caller.Visible(await db.ServiceRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken),
            r => r.UnitCode, "service record");

    /// <summary>A page of records, latest service first.</summary>
    public async Task<PagedResult<ServiceRecord>> PageAsync(ServiceRecordFilter filter, PageRequest paging,
        CancellationToken cancellationToken)
    {
        var (volunteerId, unitCode, status, from, to) = filter;
        var query = db.ServiceRecords.AsNoTracking();
        if (caller.IsUnitScoped) query = query.Where(r => r.UnitCode == caller.UnitId);
        if (volunteerId is { } volunteer) query = query.Where(r => r.VolunteerId == volunteer);
        if (!string.IsNullOrWhiteSpace(unitCode)) query = query.Where(r => r.UnitCode == unitCode);
        if (status is { } wanted) query = query.Where(r => r.Status == wanted);
        if (from is { } since) query = query.Where(r => r.ServiceDate >= since);
        if (to is { } until) query = query.Where(r => r.ServiceDate <= until);
        return await paging.ApplyAsync(query.OrderByDescending(r => r.ServiceDate).ThenBy(r => r.Id), r => r, cancellationToken);
    }
}
