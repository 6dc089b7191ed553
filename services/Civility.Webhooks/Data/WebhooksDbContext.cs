using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.Webhooks.Data;

public sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options) : DbContext(options)
{
    public const string Schema = "webhooks";

    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WebhooksDbContext).Assembly);
        modelBuilder.AddCivilityTables();
    }
}

public sealed class WebhooksDbContextFactory() : DesignTimeDbContextFactory<WebhooksDbContext>(WebhooksDbContext.Schema);
