using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Application.Entries;
using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Domain;
using Civility.Domain.Time;
using Civility.Hosting.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civility.CreditList.Application.Repairs;

/// <summary>What the applicant hands in: proof that the wrong was corrected and the credit commitment (信用承诺书).</summary>
public sealed record RepairRequest(string Applicant, string ProofOfCorrection, string Commitment);

/// <summary>
/// Registers a credit repair application (信用修复) for an active black-list entry once its tier's minimum
/// publication has passed; one at a time per entry. It is to be decided within a number of working days.
/// </summary>
public sealed class ApplyForRepair(CreditDbContext db, TimeProvider clock, IOptions<CreditListOptions> options) : IUseCase
{
    /// <remarks>The decision date is counted under the calendar's shared lock, in the transaction that saves it.</remarks>
    public Task<RepairApplication> ExecuteAsync(Guid entryId, RepairRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var entry = await db.EntryForChangeAsync(entryId, ct);
            var today = clock.CountyToday();
            entry.EnsureRepairableOn(today, options.Value.RepairMinimumMonthsFor);
            if (await db.Repairs.AnyAsync(r => r.EntryId == entryId && r.Status == RepairStatus.Submitted, ct))
                throw DomainRuleException.Conflict("A repair application for this entry is already being decided.");
            var calendar = await CalendarStore.ForCountingAsync(db, ct);
            var repair = new RepairApplication(entryId, request.Applicant, request.ProofOfCorrection, request.Commitment,
                calendar.Count(today, options.Value.RepairDecisionWorkingDays), clock.GetUtcNow());
            db.Repairs.Add(repair);
            return repair;
        }, cancellationToken, OnConflict.Refuse);
}
