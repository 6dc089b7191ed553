using Civility.CreditList.Domain;
using Civility.CreditList.Domain.Calendar;
using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Messaging.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Data;

public sealed class CreditDbContext(DbContextOptions<CreditDbContext> options) : DbContext(options)
{
    public const string Schema = "credit";

    public DbSet<CreditSubject> Subjects => Set<CreditSubject>();

    public DbSet<ListEntry> Entries => Set<ListEntry>();

    public DbSet<EntryTransition> Transitions => Set<EntryTransition>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<RepairApplication> Repairs => Set<RepairApplication>();

    public DbSet<OfficialCalendarYear> CalendarYears => Set<OfficialCalendarYear>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CreditDbContext).Assembly);
        modelBuilder.AddCivilityTables().AddPingDiagnostics();
    }

    /// <summary>
    /// A save that adds history rows first takes a transaction-scoped advisory lock, so history sequence numbers are
    /// handed out in commit order. The export's change cursor relies on it: a reader that has seen number n can
    /// never later find a smaller number commit behind it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.Entries<EntryTransition>().Any(e => e.State == EntityState.Added))
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await LockHistoryAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        return await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            await LockHistoryAsync(ct);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<EntryTransition>().Any(e => e.State == EntityState.Added)
            ? throw new NotSupportedException("Save history asynchronously: it needs the ordering lock.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    private Task LockHistoryAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('credit.entry_transitions', 0))", cancellationToken);
}

public sealed class CreditDbContextFactory() : DesignTimeDbContextFactory<CreditDbContext>(CreditDbContext.Schema);
