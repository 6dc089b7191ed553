using Civility.Domain.Time;
using Civility.Messaging.Outbox;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Civility.Volunteers.Data;

/// <summary>
/// The unit-year figures the programme is judged on (staff registered, staff hours, other hours, headcount), kept
/// in step with every save that changes them, whichever path made the change (a request, a bulk approval, an event,
/// a job): the change is read from what the save is about to write, the unit-year row is changed by one atomic
/// update in the save's transaction (so no addition can be lost), and the row records a <see cref="UnitTargetsChanged"/>
/// snapshot with its new version, which the same save writes to the outbox.
/// </summary>
internal sealed class UnitFigures
{
    private readonly SortedDictionary<(string UnitCode, int Year), Delta> _changes = [];
    private readonly List<(string UnitCode, DateTimeOffset RegisteredAt, int Change)> _registrations = [];
    private DateTimeOffset _at;

    private sealed class Delta
    {
        public decimal Staff;
        public decimal Other;
        public int? Headcount;
    }

    public bool IsEmpty => _changes.Count == 0 && _registrations.Count == 0;

    /// <summary>What the tracked changes do to the figures; call after DetectChanges, before the save.</summary>
    public static UnitFigures From(VolunteersDbContext db)
    {
        var figures = new UnitFigures();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case ServiceRecord record:
                    figures.AddRecord(entry, record);
                    break;
                case Volunteer volunteer when volunteer.IsStaffOfUnit:
                    figures.AddVolunteer(entry, volunteer);
                    break;
                case UnitHeadcount headcount when entry.State is EntityState.Added or EntityState.Modified:
                    var unit = db.Units.Local.FirstOrDefault(u => u.Id == headcount.UnitId)
                        ?? throw new InvalidOperationException("A headcount is changed through its unit.");
                    figures.For(unit.Code, headcount.Year).Headcount = headcount.Headcount;
                    figures.Saw(headcount.SetAt);
                    break;
            }
        }
        return figures;
    }

    private void AddRecord(EntityEntry entry, ServiceRecord record)
    {
        var was = entry.State == EntityState.Added
            ? ServiceRecordStatus.Pending
            : (ServiceRecordStatus)entry.Property(nameof(ServiceRecord.Status)).OriginalValue!;
        var counted = Counts(was) ? -1 : 0;
        counted += Counts(record.Status) ? 1 : 0;
        if (counted == 0 || entry.State is not (EntityState.Added or EntityState.Modified)) return;
        var delta = For(record.UnitCode, record.ServiceDate.Year);
        if (record.CountedAsStaff == true) delta.Staff += counted * record.Hours;
        else delta.Other += counted * record.Hours;
        Saw(record.VoidedAt ?? record.DecidedAt ?? record.RecordedAt);

        static bool Counts(ServiceRecordStatus status) => status == ServiceRecordStatus.Approved;
    }

    private void AddVolunteer(EntityEntry entry, Volunteer volunteer)
    {
        var wasActive = entry.State == EntityState.Added
            ? (bool?)null
            : (VolunteerStatus)entry.Property(nameof(Volunteer.Status)).OriginalValue! == VolunteerStatus.Active;
        var isActive = volunteer.Status == VolunteerStatus.Active;
        var change = entry.State switch
        {
            EntityState.Added when isActive => 1,
            EntityState.Modified when wasActive != isActive => isActive ? 1 : -1,
            _ => 0,
        };
        if (change == 0) return;
        _registrations.Add((volunteer.UnitCode, volunteer.RegisteredAt, change));
        Saw(volunteer.StatusChanges.Count > 0 ? volunteer.StatusChanges[^1].At : volunteer.RegisteredAt);
    }

    private Delta For(string unitCode, int year)
    {
        if (!_changes.TryGetValue((unitCode, year), out var delta)) _changes[(unitCode, year)] = delta = new Delta();
        return delta;
    }

    private void Saw(DateTimeOffset at)
    {
        if (at > _at) _at = at;
    }

    /// <summary>
    /// Changes the unit-year rows (in key order, so that two saves cannot deadlock on them) and queues a snapshot of
    /// each; runs in the save's transaction, before the tracked changes are written, which the snapshot counts in.
    /// </summary>
    public async Task ApplyAsync(VolunteersDbContext db, CancellationToken cancellationToken)
    {
        // A registration counts in every year that ends after it: its own year, this one and any later year on record.
        foreach (var unit in _registrations.GroupBy(r => r.UnitCode))
        {
            var fromYear = unit.Min(r => CountyClock.CountyDate(r.RegisteredAt).Year);
            var years = await db.UnitYearHours.AsNoTracking().Where(h => h.UnitCode == unit.Key && h.Year >= fromYear)
                .Select(h => h.Year).ToListAsync(cancellationToken);
            foreach (var year in years.Append(Math.Max(fromYear, CountyClock.CountyDate(_at).Year))) For(unit.Key, year);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var ((unitCode, year), delta) in _changes)
        {
            var yearEnd = CountyClock.StartOfCountyDay(new DateOnly(year + 1, 1, 1)).ToUniversalTime();
            var registeredHere = _registrations.Where(r => r.UnitCode == unitCode && r.RegisteredAt < yearEnd).Sum(r => r.Change);
            var row = await AddAsync(connection, unitCode, year, delta, cancellationToken);
            // Once the row's lock is this transaction's, every change committed before this one is in the counts;
            // this save's own (not written yet) are added.
            await SnapshotAsync(db, unitCode, year, row, delta.Headcount, registeredHere, cancellationToken);
        }
    }

    /// <summary>
    /// Has the unit-year's row announce its figures (<see cref="UnitYearHours.Changed"/>) with <paramref name="row"/>'s
    /// hours and version; call with the row locked by this transaction. The row is tracked as it is stored, so the
    /// save writes nothing for it, only what it recorded.
    /// </summary>
    public static async Task SnapshotAsync(
        VolunteersDbContext db, string unitCode, int year, (decimal Staff, decimal Other, long Version) row,
        int? headcountBeingSaved, int registeredBeingSaved, CancellationToken cancellationToken)
    {
        var yearEnd = CountyClock.StartOfCountyDay(new DateOnly(year + 1, 1, 1)).ToUniversalTime();
        var registered = await db.Volunteers.CountAsync(v => v.UnitCode == unitCode && v.IsStaffOfUnit
            && v.Status == VolunteerStatus.Active && v.RegisteredAt < yearEnd, cancellationToken);
        var headcount = headcountBeingSaved ?? await db.Headcounts
            .Where(h => h.Year == year && db.Units.Any(u => u.Id == h.UnitId && u.Code == unitCode))
            .Select(h => h.Headcount).FirstOrDefaultAsync(cancellationToken);
        var figures = db.UnitYearHours.Local.FirstOrDefault(h => h.UnitCode == unitCode && h.Year == year)
            ?? db.UnitYearHours.Attach(new UnitYearHours(unitCode, year)).Entity;
        figures.Changed(row.Staff, row.Other, row.Version, headcount, registered + registeredBeingSaved);
        var entry = db.Entry(figures);
        entry.OriginalValues.SetValues(entry.CurrentValues);
        entry.State = EntityState.Unchanged;
    }

    /// <summary>
    /// Before a save is tried again: forgets the figures the failed attempt announced (their versions were rolled
    /// back with it), which the new attempt announces afresh. Everything else it queued is saved again as it was.
    /// </summary>
    public static void ForgetSnapshots(VolunteersDbContext db)
    {
        foreach (var figures in db.UnitYearHours.Local) figures.TakeDomainEvents();
        var snapshotType = typeof(Contracts.Volunteers.UnitTargetsChanged).FullName + ", ";
        var queued = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.MessageType.StartsWith(snapshotType, StringComparison.Ordinal)).ToList();
        foreach (var snapshot in queued) snapshot.State = EntityState.Detached;
    }

    /// <summary>Sets a unit-year's totals to <paramref name="staff"/> and <paramref name="other"/> (a rebuild); its new version.</summary>
    public static async Task<long> SetAsync(VolunteersDbContext db, string unitCode, int year, decimal staff, decimal other,
        CancellationToken cancellationToken)
    {
        var version = await db.Database.SqlQuery<long>($"""
            INSERT INTO volunteers.unit_year_hours AS h (unit_code, year, staff_hours, other_hours, version)
            VALUES ({unitCode}, {year}, {staff}, {other}, 1)
            ON CONFLICT (unit_code, year) DO UPDATE
            SET staff_hours = excluded.staff_hours, other_hours = excluded.other_hours, version = h.version + 1
            RETURNING h.version AS "Value"
            """).ToListAsync(cancellationToken);
        return version.Single();
    }

    private static async Task<(decimal Staff, decimal Other, long Version)> AddAsync(NpgsqlConnection connection, string unitCode, int year,
        Delta delta, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {VolunteersDbContext.Schema}.unit_year_hours AS h (unit_code, year, staff_hours, other_hours, version)
            VALUES (@unit, @year, @staff, @other, 1)
            ON CONFLICT (unit_code, year) DO UPDATE
            SET staff_hours = h.staff_hours + excluded.staff_hours, other_hours = h.other_hours + excluded.other_hours,
                version = h.version + 1
            RETURNING h.staff_hours, h.other_hours, h.version
            """, connection);
        command.Parameters.AddWithValue("unit", unitCode);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("staff", delta.Staff);
        command.Parameters.AddWithValue("other", delta.Other);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetDecimal(0), reader.GetDecimal(1), reader.GetInt64(2));
    }
}
