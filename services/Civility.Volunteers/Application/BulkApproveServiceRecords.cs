using Civility.Data;
using Civility.Domain;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.Volunteers.Application;

/// <summary>
/// Approves many records in one transaction (one commit, not one per record); a record that may not be approved is
/// reported and left alone.
/// </summary>
public sealed class BulkApproveServiceRecords(
    VolunteersDbContext db, CallerContext caller, TimeProvider clock, IOptions<HoursLimits> limits) : IUseCase
{
    /// <summary>The records that were not approved, each with why.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Reason)>> ExecuteAsync(IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken) =>
        await db.InTransactionAsync(ct => ApproveAsync(ids, clock.GetUtcNow(), ct), cancellationToken, OnConflict.Retry);

    private async Task<IReadOnlyList<(Guid Id, string Reason)>> ApproveAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var failed = new List<(Guid, string)>();
        var idArray = ids.ToArray();
        var volunteerIds = await db.ServiceRecords.AsNoTracking().Where(r => idArray.Contains(r.Id)).Select(r => r.VolunteerId).Distinct()
            .ToListAsync(cancellationToken);
        var volunteers = await db.LockVolunteersAsync(volunteerIds, cancellationToken);
        var records = await db.ServiceRecords.Where(r => idArray.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        // What the batch approves is added to its day as it goes.
        var days = await db.ApprovedOnDaysOfAsync(records.Values, cancellationToken);
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var record) || !caller.MayAccessUnit(record.UnitCode))
            {
                failed.Add((id, "No such service record."));
                continue;
            }
            var key = (record.VolunteerId, record.ServiceDate);
            var sameDay = days.GetValueOrDefault(key) ?? DayOfService.Empty;
            try
            {
                var wasPending = record.Status == ServiceRecordStatus.Pending;
                volunteers[record.VolunteerId].ApproveHours(record, wasPending ? sameDay : DayOfService.Empty, limits.Value, caller.Actor,
                    inBulk: true, now);
                if (wasPending) days[key] = sameDay.With(record.Hours, record.Period);
            }
            catch (DomainRuleException rule)
            {
                failed.Add((id, rule.Detail is { } detail ? $"{rule.Title} {detail}" : rule.Title));
            }
        }
        return failed;
    }
}
