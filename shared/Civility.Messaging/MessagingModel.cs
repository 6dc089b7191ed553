using Civility.Messaging.Inbox;
using Civility.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string InboxPrimaryKey = "pk_inbox_messages";

    /// <summary>
    /// Adds the messaging tables to a service's model, in the service's schema: outbox and inbox. A service that
    /// takes diagnostics pings adds their table itself (<see cref="Diagnostics.PingDiagnostics.AddPingDiagnostics"/>).
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.TraceState).HasMaxLength(500);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            // The relay reads only unpublished rows in write order; keep that scan small however long retention is.
            outbox.HasIndex(m => m.Sequence, "ix_outbox_messages_pending").HasFilter("published_at IS NULL AND parked_at IS NULL");
            outbox.HasIndex(m => m.ParkedAt, "ix_outbox_messages_parked").HasFilter("parked_at IS NOT NULL");
            outbox.HasIndex(m => m.PublishedAt, "ix_outbox_messages_published").HasFilter("published_at IS NOT NULL");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer }).HasName(InboxPrimaryKey);
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.Property(m => m.MessageType).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
