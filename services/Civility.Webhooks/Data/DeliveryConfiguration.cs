using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Webhooks.Data;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    /// <summary>The claim of the worker that holds the delivery (a shadow property: the domain knows nothing of it).</summary>
    public const string LeaseId = nameof(LeaseId);

    /// <summary>Until when that claim holds; after it another worker may take the delivery (its holder died).</summary>
    public const string LeasedUntil = nameof(LeasedUntil);

    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.HasRowVersion();
        // A log of its own, written by the system for every event and attempt: the audit trail would copy it row by row.
        delivery.ExcludeFromAuditTrail();
        delivery.Property(d => d.Sequence).UseIdentityAlwaysColumn();
        delivery.Property(d => d.EventType).HasMaxLength(100);
        // Text, not jsonb: the bytes every attempt sends and signs, as they were written.
        delivery.Property(d => d.Payload).HasColumnType("text");
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.LastError).HasMaxLength(DeliveryAttempt.ErrorLength);
        delivery.Property<Guid?>(LeaseId);
        delivery.Property<DateTimeOffset?>(LeasedUntil);
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        // One delivery of an event per subscription, whatever reaches the consumer twice.
        delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        // A subscription's log, newest first.
        delivery.HasIndex(d => new { d.SubscriptionId, d.Sequence });
        // The worker's claim: the oldest pending delivery of each subscription.
        delivery.HasIndex(d => new { d.SubscriptionId, d.Sequence }, "ix_deliveries_pending").HasFilter("status = 'Pending'");
        delivery.HasIndex(d => d.Status);
        delivery.OwnsMany(d => d.Attempts, attempt =>
        {
            attempt.ToTable("delivery_attempts");
            attempt.WithOwner().HasForeignKey("DeliveryId");
            attempt.HasKey("DeliveryId", nameof(DeliveryAttempt.Number));
            attempt.Property(a => a.Number).ValueGeneratedNever();
            attempt.Property(a => a.Error).HasMaxLength(DeliveryAttempt.ErrorLength);
            attempt.Property(a => a.ResponseExcerpt).HasMaxLength(DeliveryAttempt.ExcerptLength);
        });
        delivery.Navigation(d => d.Attempts).HasField("_attempts");
    }
}
