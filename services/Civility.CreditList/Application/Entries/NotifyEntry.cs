using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;

namespace Civility.CreditList.Application.Entries;

/// <summary>The subject is notified (告知) and the statement period, in working days, starts.</summary>
public sealed class NotifyEntry(CreditDbContext db, CallerContext caller, TimeProvider clock, IOptions<CreditListOptions> options)
    : IUseCase
{
    /// <remarks>
    /// The deadline is counted under the calendar's shared lock, in the transaction that saves it, so that a notice
    /// loaded meanwhile either counts it or recounts it. A concurrent change to the entry is refused: the officer
    /// notified on what they saw.
    /// </remarks>
    public Task<ListEntry> ExecuteAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var entry = await db.EntryForChangeAsync(id, ct);
            // A statement period of 0 working days (configurable) means none: the entry may be activated at once.
            var days = options.Value.StatementPeriodWorkingDays;
            var deadline = days == 0 ? null : (await CalendarStore.ForCountingAsync(db, ct)).Count(clock.CountyToday(), days);
            entry.Notify(deadline, caller.Actor, reason, clock.GetUtcNow());
            return entry;
        }, cancellationToken, OnConflict.Refuse);
}
