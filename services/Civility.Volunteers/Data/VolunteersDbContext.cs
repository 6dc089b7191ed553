using Civility.Data;
using Civility.Hosting.Audit;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasSequence<long>(VolunteerNumbers);
        modelBuilder.HasSequence<long>(CertificateNumbers);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteersDbContext).Assembly);
        modelBuilder.AddCivilityTables();
    }
}

public sealed class VolunteersDbContextFactory() : DesignTimeDbContextFactory<VolunteersDbContext>(VolunteersDbContext.Schema);
