using Civility.CreditList.Data;
using Civility.CreditList.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Calendar;

/// <summary>
/// The calendar as the database holds it now. A deadline is counted under a shared lock and a notice is loaded under
/// an exclusive one (both for the transaction only), so a deadline counted on a provisional year while that year's
/// notice is being loaded is either counted on the notice or recounted by it — never left provisional for good.
/// </summary>
public static class CalendarStore
{
    private const string LockName = "credit.calendar";

    /// <summary>Every official year; the rest are provisional. A few rows, read fresh so that every replica agrees.</summary>
    public static async Task<WorkingDayCalendar> LoadAsync(CreditDbContext db, CancellationToken cancellationToken = default) =>
        new(await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>In a transaction: the calendar to count a deadline on, held until the deadline is saved.</summary>
    public static async Task<WorkingDayCalendar> ForCountingAsync(CreditDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtextextended({LockName}, 0))", cancellationToken);
        return await LoadAsync(db, cancellationToken);
    }

    /// <summary>In a transaction: no deadline is counted until the change to the calendar is saved.</summary>
    public static async Task LockForChangeAsync(CreditDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({LockName}, 0))", cancellationToken);
}
