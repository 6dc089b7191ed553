using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Messaging.Diagnostics;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Data;

public sealed class PairingDbContext(DbContextOptions<PairingDbContext> options) : DbContext(options)
{
    public const string Schema = "pairing";

    public DbSet<Place> Places => Set<Place>();

    public DbSet<CivilizedUnit> CivilizedUnits => Set<CivilizedUnit>();

    public DbSet<Pairing> Pairings => Set<Pairing>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PairingActivity> Activities => Set<PairingActivity>();

    public DbSet<CreationTask> CreationTasks => Set<CreationTask>();

    public DbSet<UnitYearStats> UnitYearStats => Set<UnitYearStats>();


    public DbSet<Assessment> Assessments => Set<Assessment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PairingDbContext).Assembly);
        modelBuilder.AddCivilityTables().AddPingDiagnostics();
    }
}

public sealed class PairingDbContextFactory() : DesignTimeDbContextFactory<PairingDbContext>(PairingDbContext.Schema);
