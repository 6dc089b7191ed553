using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Messaging;
using Civility.Messaging.Diagnostics;
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
        modelBuilder.AddOutboxAndInbox().AddPingDiagnostics();
    }
}

public sealed class CreditDbContextFactory() : DesignTimeDbContextFactory<CreditDbContext>(CreditDbContext.Schema);
