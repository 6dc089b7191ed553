using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Entries;

internal static class EntryLookup
{
    /// <summary>
    /// The entry tracked for a change, with its history (a change adds to it) and its subject (an announcement names
    /// it); 404 when there is none.
    /// </summary>
    public static async Task<ListEntry> EntryForChangeAsync(this CreditDbContext db, Guid id, CancellationToken ct) =>
        (await db.Entries.Include(e => e.History).Include(e => e.Subject).FirstOrDefaultAsync(e => e.Id == id, ct)).OrNotFound("entry");
}
