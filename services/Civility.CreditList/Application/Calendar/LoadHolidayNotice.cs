using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.CreditList.Domain.Calendar;
using Civility.Data;
using Civility.Hosting.Application;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Application.Calendar;

/// <summary>What an administrator loads for a year: the State Council's notice and the days it fixes.</summary>
public sealed record HolidayNoticeInput(int Year, HolidayNotice Notice, IReadOnlyList<HolidayRange> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays, string? Reason);

/// <summary>The year as loaded, whether it replaced an official one, and the deadlines counted again on it.</summary>
public sealed record HolidayNoticeLoaded(OfficialCalendarYear Year, bool Replaced, IReadOnlyList<RecountedDeadline> Recounted);

/// <summary>
/// A deadline of an entry (its statement period, or the decision date of one of its objections or repairs) counted again.
/// </summary>
public sealed record RecountedDeadline(Guid EntryId, Guid? CaseId, DeadlineRecount Recount);

/// <summary>
/// Loads a year's notice (放假调休安排), making the year official (or correcting it), and counts again every open
/// deadline that was counted through that year: a later answer moves the deadline later, an earlier one leaves the
/// day already given (never shortened). Each recount goes into its entry's history and out as an event, in the
/// same transaction as the notice.
/// </summary>
public sealed class LoadHolidayNotice(CreditDbContext db, CallerContext caller, TimeProvider clock) : IUseCase
{
    /// <remarks>
    /// Under the calendar's exclusive lock, so no deadline is counted on the year while it changes. A concurrent change
    /// to a deadline or to the year is refused: the administrator loads again on what is there now.
    /// </remarks>
    public Task<HolidayNoticeLoaded> ExecuteAsync(HolidayNoticeInput input, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await CalendarStore.LockForChangeAsync(db, ct);
            var (actor, now) = (caller.Actor, clock.GetUtcNow());
            var year = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == input.Year, ct);
            var replaced = year is not null;
            if (year is null)
            {
                year = OfficialCalendarYear.Load(input.Year, input.Notice, input.Holidays, input.MakeUpWorkingDays, actor, now);
                db.CalendarYears.Add(year);
            }
            else
            {
                year.Replace(input.Notice, input.Holidays, input.MakeUpWorkingDays, input.Reason ?? "", actor, now);
            }
            var others = await db.CalendarYears.AsNoTracking().Where(y => y.Year != input.Year).ToListAsync(ct);
            var calendar = new WorkingDayCalendar(others.Append(year));
            var recounted = await RecountOpenDeadlinesAsync(calendar, input.Year, year.Notice, actor, now, ct);
            return new HolidayNoticeLoaded(year, replaced, recounted);
        }, cancellationToken, OnConflict.Refuse);

    private async Task<IReadOnlyList<RecountedDeadline>> RecountOpenDeadlinesAsync(
        WorkingDayCalendar calendar, int year, HolidayNotice notice, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var recounted = new List<RecountedDeadline>();
        // Open deadlines are few (those being decided now): filtering their counts here keeps the count's shape private.
        var notified = await db.Entries.Where(e => e.Status == EntryStatus.Notified && e.StatementDeadlineCount != null).ToListAsync(ct);
        foreach (var entry in notified)
            if (entry.RecountStatementDeadline(calendar, year) is { } recount) recounted.Add(new(entry.Id, null, recount));
        foreach (var objection in await db.Objections.Where(o => o.Status == ObjectionStatus.Pending).ToListAsync(ct))
            if (objection.RecountDecideBy(calendar, year) is { } recount) recounted.Add(new(objection.EntryId, objection.Id, recount));
        foreach (var repair in await db.Repairs.Where(r => r.Status == RepairStatus.Submitted).ToListAsync(ct))
            if (repair.RecountDecideBy(calendar, year) is { } recount) recounted.Add(new(repair.EntryId, repair.Id, recount));
        if (recounted.Count == 0) return [];

        // The entries announce their recounts, naming their subject.
        var entryIds = recounted.Select(r => r.EntryId).Distinct().ToList();
        var entries = await db.Entries.Include(e => e.Subject).Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var (entryId, caseId, recount) in recounted)
            entries[entryId].RecordDeadlineRecount(caseId, recount, notice, actor, now);
        return recounted;
    }
}
