using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Civility.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's DbContext without a running app host (no database is
/// contacted when adding a migration), and the migration step (tools/Civility.Migrations) apply a service's migrations.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext>(string schema) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => Create("Host=localhost;Database=civility");

    /// <summary>The context on a real database, as the migration step uses it: the service's model, nothing of its runtime.</summary>
    public TContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ServiceDatabaseExtensions.Configure(options, connectionString, schema);
        Configure(options);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }

    /// <summary>Anything the service adds to its options at run time that the model depends on.</summary>
    protected virtual void Configure(DbContextOptionsBuilder options) { }
}
