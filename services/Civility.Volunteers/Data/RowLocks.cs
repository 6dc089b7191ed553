using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Data;

/// <summary>
/// Row locks held until the transaction ends, so that two decisions on one thing queue instead of racing: every
/// decision on hours holds its volunteers' rows (taken in id order, so two of them cannot deadlock), every change
/// of a sign-up its activity's row.
/// </summary>
public static class RowLocks
{
    /// <summary>Locks the volunteers' rows for the transaction, in id order, and tracks them as they are now.</summary>
    public static async Task<Dictionary<Guid, Volunteer>> LockVolunteersAsync(this VolunteersDbContext db, IEnumerable<Guid> ids,
        CancellationToken cancellationToken)
    {
        var sorted = ids.Distinct().Order().ToArray();
        return await db.Volunteers
            .FromSql($"SELECT *, xmin FROM volunteers.volunteers WHERE id = ANY({sorted}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(v => v.Id, cancellationToken);
    }

    /// <summary>
    /// Loads an activity with its sign-ups, its row locked for the transaction: two sign-ups for the last place queue
    /// here, so the capacity holds however many arrive at once.
    /// </summary>
    public static async Task<Activity?> LockActivityAsync(this VolunteersDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM volunteers.activities WHERE id = {id} FOR UPDATE", cancellationToken);
        return await db.Activities.Include(a => a.SignUps).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }
}
