using Civility.Data;
using Civility.ServiceDefaults.Authentication;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Application;

/// <summary>How a decision on one service record is taken (approve, decline, void).</summary>
internal static class ServiceRecordDecisions
{
    /// <summary>
    /// Takes a decision under the record's volunteer's row lock and on the record as it is once the lock is held: of
    /// two decisions sent at once, the second finds the record decided (409), never both committing. Only the
    /// volunteer's own unit (or an admin) decides, including on hours another unit recorded.
    /// </summary>
    public static async Task<ServiceRecord> DecideAsync(this VolunteersDbContext db, CallerContext caller, Guid id,
        Func<ServiceRecord, Volunteer, CancellationToken, Task> decide, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct =>
        {
            var target = caller.Visible(await db.ServiceRecords.AsNoTracking().Where(r => r.Id == id)
                .Select(r => new Target(r.VolunteerId, r.UnitCode)).FirstOrDefaultAsync(ct), t => t.UnitCode, "service record");
            var volunteers = await db.LockVolunteersAsync([target.VolunteerId], ct);
            var record = await db.ServiceRecords.SingleAsync(r => r.Id == id, ct);
            await decide(record, volunteers[record.VolunteerId], ct);
            return record;
        }, cancellationToken, OnConflict.Retry);

    private sealed record Target(Guid VolunteerId, string UnitCode);
}
