using Civility.Data;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Webhooks.Data;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("subscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.Id).ValueGeneratedNever();
        subscription.HasRowVersion();
        subscription.Property(s => s.OwnerClientId).HasMaxLength(100);
        subscription.Property(s => s.TargetUrl).HasMaxLength(2000);
        subscription.Property(s => s.Description).HasMaxLength(200);
        subscription.Property(s => s.SecretEncrypted).HasMaxLength(500);
        subscription.Property(s => s.PreviousSecretEncrypted).HasMaxLength(500);
        subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        subscription.Property(s => s.StatusReason).HasMaxLength(1000);
        subscription.Property(s => s.CreatedBy).HasMaxLength(100);
        subscription.HasIndex(s => new { s.OwnerClientId, s.CreatedAt });
        subscription.HasIndex(s => s.Status);
    }
}
