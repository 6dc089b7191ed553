using Civility.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.Identity.Data;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in the <c>identity</c> schema.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict();
    }
}

public sealed class IdentityDbContextFactory : DesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContextFactory() : base(IdentityDbContext.Schema) { }

    protected override void Configure(DbContextOptionsBuilder options) => options.UseOpenIddict();
}
