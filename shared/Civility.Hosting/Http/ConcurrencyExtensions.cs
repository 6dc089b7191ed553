using Microsoft.EntityFrameworkCore;

namespace Civility.Hosting.Http;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Saves; a lost optimistic-concurrency race on <paramref name="what"/> answers 409 naming it (read it again),
    /// rather than a 500 or a silent double effect.
    /// </summary>
    public static async Task SaveOrConflictAsync(this DbContext db, string what, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainRuleException.Conflict($"{what} was changed by another request at the same time.", "Read it again and retry.");
        }
    }
}
