using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Volunteers.Data;

public sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options) : DbContext(options)
{
    public const string Schema = "volunteers";

    public DbSet<Unit> Units => Set<Unit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteersDbContext).Assembly);
        modelBuilder.AddCivilityTables();
    }
}

public sealed class VolunteersDbContextFactory() : DesignTimeDbContextFactory<VolunteersDbContext>(VolunteersDbContext.Schema);
