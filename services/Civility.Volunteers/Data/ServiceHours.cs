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
    /// <remarks>Every rule is checked before anything changes, so a refused record leaves the unit of work as it was.</remarks>
    public static async Task ApproveAsync(this VolunteersDbContext db, ServiceRecord record, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var volunteer = db.Volunteers.Local.FirstOrDefault(v => v.Id == record.VolunteerId)
            ?? await db.Volunteers.SingleAsync(v => v.Id == record.VolunteerId, cancellationToken);
        if (volunteer.Status != VolunteerStatus.Active)
            throw DomainRuleException.Rule("Hours of an inactive volunteer cannot be approved.", $"Volunteer {volunteer.Number} is inactive.");
        record.Approve(actor, now);
        var reached = volunteer.CreditApprovedHours(record.Hours);
        (await YearAsync(db, record.UnitCode, record.ServiceDate.Year, cancellationToken)).Add(record.Hours);
        db.AddIntegrationEvent(new ServiceHoursApproved(record.Id, record.VolunteerId, record.UnitCode, record.Hours,
            record.ServiceDate, JsonNames.Kebab(record.Source.ToString())), now);
        foreach (var stars in reached)
            db.AddIntegrationEvent(new StarLevelReached(volunteer.Id, volunteer.UnitCode, stars, volunteer.ApprovedHours), now);
    }

    /// <summary>
    /// Approves many records in one transaction (one commit, not one per record); a record that may not be approved
    /// is reported and left alone. The unit-year rows are locked in one order first, so two bulk approvals cannot
    /// deadlock each other.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Reason)>> ApproveManyAsync(this VolunteersDbContext db, IReadOnlyCollection<Guid> ids,
        Func<ServiceRecord, bool> mayAccess, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = new List<(Guid, string)>();
        var records = await db.ServiceRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var volunteerIds = records.Values.Select(r => r.VolunteerId).Distinct().ToList();
        await db.Volunteers.Where(v => volunteerIds.Contains(v.Id)).LoadAsync(cancellationToken);
        foreach (var (unitCode, year) in records.Values.Where(mayAccess).Select(r => (r.UnitCode, r.ServiceDate.Year)).Distinct().Order())
            await YearAsync(db, unitCode, year, cancellationToken);
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var record) || !mayAccess(record))
            {
                failed.Add((id, "No such service record."));
                continue;
            }
            try
            {
                await db.ApproveAsync(record, actor, now, cancellationToken);
            }
            catch (DomainRuleException rule)
            {
                failed.Add((id, rule.Title));
            }
        }
        return failed;
    }

    public static async Task VoidAsync(this VolunteersDbContext db, ServiceRecord record, string reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Void(reason, actor, now);
        var volunteer = await db.Volunteers.SingleAsync(v => v.Id == record.VolunteerId, cancellationToken);
        volunteer.DebitVoidedHours(record.Hours);
        (await YearAsync(db, record.UnitCode, record.ServiceDate.Year, cancellationToken)).Subtract(record.Hours);
        db.AddIntegrationEvent(new ServiceRecordVoided(record.Id, record.VolunteerId, record.UnitCode, record.Hours, reason), now);
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
        if (db.UnitYearHours.Local.FirstOrDefault(h => h.UnitCode == unitCode && h.Year == year) is { } local) return local;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO volunteers.unit_year_hours (unit_code, year, approved_hours) VALUES ({unitCode}, {year}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.UnitYearHours
            .FromSql($"SELECT * FROM volunteers.unit_year_hours WHERE unit_code = {unitCode} AND year = {year} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }
}
