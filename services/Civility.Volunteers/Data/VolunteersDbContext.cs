using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Messaging.Diagnostics;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Data;

public sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options) : DbContext(options)
{
    public const string Schema = "volunteers";
    public const string VolunteerNumbers = "volunteer_numbers";
    public const string CertificateNumbers = "certificate_numbers";

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitHeadcount> Headcounts => Set<UnitHeadcount>();

    public DbSet<Volunteer> Volunteers => Set<Volunteer>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<VolunteerProject> Projects => Set<VolunteerProject>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<SignUp> SignUps => Set<SignUp>();

    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();

    public DbSet<UnitYearHours> UnitYearHours => Set<UnitYearHours>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    /// <summary>The next value of one of the service's number sequences (volunteer numbers, certificate numbers).</summary>
    public async Task<long> NextAsync(string sequence, CancellationToken cancellationToken = default) =>
        await Database.SqlQuery<long>($"SELECT nextval({Schema + "." + sequence}::regclass) AS \"Value\"").SingleAsync(cancellationToken);

    /// <summary>
    /// Saves, and keeps the unit-year figures in step with what is saved (see <see cref="UnitFigures"/>) in the same
    /// transaction: the caller's, or one of its own (again from the start after a transient failure).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var figures = UnitFigures.From(this);
        if (figures.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await figures.ApplyAsync(this, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var attempts = 0;
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // A second attempt must not announce the figures of the first one again.
            if (++attempts > 1) UnitFigures.ForgetSnapshots(this);
            await using var transaction = await Database.BeginTransactionAsync(ct);
            await figures.ApplyAsync(this, ct);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save with SaveChangesAsync: the unit-year figures are kept in step asynchronously.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasSequence<long>(VolunteerNumbers);
        modelBuilder.HasSequence<long>(CertificateNumbers);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteersDbContext).Assembly);
        modelBuilder.AddCivilityTables().AddPingDiagnostics();
    }
}

public sealed class VolunteersDbContextFactory() : DesignTimeDbContextFactory<VolunteersDbContext>(VolunteersDbContext.Schema);
