using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Hosting.Audit;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Data;

public sealed class CreditDbContext(DbContextOptions<CreditDbContext> options) : DbContext(options)
{
    public const string Schema = "credit";

    public DbSet<CreditSubject> Subjects => Set<CreditSubject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CreditDbContext).Assembly);
        modelBuilder.AddCivilityTables();
    }
}

public sealed class CreditDbContextFactory() : DesignTimeDbContextFactory<CreditDbContext>(CreditDbContext.Schema);
