using Civility.Contracts.Volunteers;
using Civility.Hosting.Http;
using Civility.Messaging.Outbox;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Data;

/// <summary>
/// Approving and voiding hours, wherever it happens (an organizer, a bulk approval, a pairing activity): the record,
/// the volunteer's total, the unit's yearly total and the events change together, in one transaction.
/// </summary>
public static class ServiceHours
{
    /// <summary>Approves a pending record (already tracked by <paramref name="db"/>); call SaveChanges through <see cref="CommitAsync"/>.</summary>
    public static async Task ApproveAsync(this VolunteersDbContext db, ServiceRecord record, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Approve(actor, now);
        var volunteer = await db.Volunteers.SingleAsync(v => v.Id == record.VolunteerId, cancellationToken);
        if (volunteer.Status != VolunteerStatus.Active)
            throw DomainRuleException.Rule("Hours of an inactive volunteer cannot be approved.", $"Volunteer {volunteer.Number} is inactive.");
        var reached = volunteer.CreditApprovedHours(record.Hours);
        (await YearAsync(db, record.UnitCode, record.ServiceDate.Year, cancellationToken)).Add(record.Hours);
        db.AddIntegrationEvent(new ServiceHoursApproved(record.Id, record.VolunteerId, record.UnitCode, record.Hours,
            record.ServiceDate, JsonNames.Kebab(record.Source.ToString())));
        foreach (var stars in reached)
            db.AddIntegrationEvent(new StarLevelReached(volunteer.Id, volunteer.UnitCode, stars, volunteer.ApprovedHours));
    }

    public static async Task VoidAsync(this VolunteersDbContext db, ServiceRecord record, string reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Void(reason, actor, now);
        var volunteer = await db.Volunteers.SingleAsync(v => v.Id == record.VolunteerId, cancellationToken);
        volunteer.DebitVoidedHours(record.Hours);
        (await YearAsync(db, record.UnitCode, record.ServiceDate.Year, cancellationToken)).Subtract(record.Hours);
        db.AddIntegrationEvent(new ServiceRecordVoided(record.Id, record.VolunteerId, record.UnitCode, record.Hours, reason));
    }

    /// <summary>
    /// Saves in a transaction, retrying the whole unit of work when another request changed the same volunteer or
    /// activity in between (optimistic concurrency), so no approval or sign-up is lost.
    /// </summary>
    public static async Task<T> CommitAsync<T>(this VolunteersDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
                    var result = await work(ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<UnitYearHours> YearAsync(VolunteersDbContext db, string unitCode, int year, CancellationToken cancellationToken)
    {
        // Row-locked so that concurrent approvals for one unit add up instead of overwriting each other.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO volunteers.unit_year_hours (unit_code, year, approved_hours) VALUES ({unitCode}, {year}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        var local = db.UnitYearHours.Local.FirstOrDefault(h => h.UnitCode == unitCode && h.Year == year);
        return local ?? await db.UnitYearHours
            .FromSql($"SELECT * FROM volunteers.unit_year_hours WHERE unit_code = {unitCode} AND year = {year} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }
}
