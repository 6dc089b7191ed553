using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Application.Entries;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;

namespace Civility.CreditList.Application.Objections;

/// <summary>
/// Registers an objection (异议): the entry is marked under objection at once, and the objection is to be decided
/// within <see cref="Objection.DecisionWorkingDays"/> working days.
/// </summary>
public sealed class FileObjection(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    /// <remarks>
    /// The decision date is counted under the calendar's shared lock, in the transaction that saves it (a notice
    /// loaded meanwhile counts it or recounts it); a concurrent change to the entry is refused.
    /// </remarks>
    public async Task<ObjectionView> ExecuteAsync(Guid entryId, string filedBy, string grounds, CancellationToken cancellationToken)
    {
        var objection = await db.InTransactionAsync(async ct =>
        {
            var entry = await db.EntryForChangeAsync(entryId, ct);
            var calendar = await CalendarStore.ForCountingAsync(db, ct);
            var decideBy = calendar.Count(clock.CountyToday(), Objection.DecisionWorkingDays);
            var objection = entry.FileObjection(filedBy, grounds, decideBy, caller.Actor, clock.GetUtcNow());
            db.Objections.Add(objection);
            return objection;
        }, cancellationToken, OnConflict.Refuse);
        return new ObjectionView(objection, clock.CountyToday());
    }
}
