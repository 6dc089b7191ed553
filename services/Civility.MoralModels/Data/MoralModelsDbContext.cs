using Civility.Data;
using Civility.Hosting.Audit;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Data;

public sealed class MoralModelsDbContext(DbContextOptions<MoralModelsDbContext> options) : DbContext(options)
{
    public const string Schema = "moral_models";

    public DbSet<SelectionRound> Rounds => Set<SelectionRound>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MoralModelsDbContext).Assembly);
        modelBuilder.AddCivilityTables();
    }
}

public sealed class MoralModelsDbContextFactory() : DesignTimeDbContextFactory<MoralModelsDbContext>(MoralModelsDbContext.Schema);
