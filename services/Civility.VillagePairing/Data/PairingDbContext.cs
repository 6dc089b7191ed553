using Civility.Data;
using Civility.Hosting.Audit;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Data;

public sealed class PairingDbContext(DbContextOptions<PairingDbContext> options) : DbContext(options)
{
    public const string Schema = "pairing";

    public DbSet<Place> Places => Set<Place>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PairingDbContext).Assembly);
        modelBuilder.AddCivilityTables();
    }
}

public sealed class PairingDbContextFactory() : DesignTimeDbContextFactory<PairingDbContext>(PairingDbContext.Schema);
