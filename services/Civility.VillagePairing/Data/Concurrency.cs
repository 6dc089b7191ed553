using Civility.Hosting.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.VillagePairing.Data;

internal static class Concurrency
{
    /// <summary>
    /// Optimistic concurrency on PostgreSQL's xmin: two writers of one aggregate (two deliveries on a pledge, a veto
    /// and an admin action on a title) cannot both win from the same starting state.
    /// </summary>
    public static void HasRowVersion<T>(this EntityTypeBuilder<T> entity) where T : class =>
        entity.Property<uint>("xmin").IsRowVersion();

    /// <summary>Saves; a lost race answers 409 (read again) rather than a 500 or a silent double effect.</summary>
    public static async Task SaveOrConflictAsync(this PairingDbContext db, string what)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainRuleException.Conflict($"{what} was changed by another request at the same time; read it again.");
        }
    }
}
