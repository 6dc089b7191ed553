using Civility.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Civility.Hosting.Audit;

public static class AuditModel
{
    public const string Table = "audit_records";

    /// <summary>The tables every Civility service has in its schema: outbox, inbox, audit trail.</summary>
    public static ModelBuilder AddCivilityTables(this ModelBuilder modelBuilder) =>
        modelBuilder.AddMessagingTables().AddAuditTrail();

    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable(Table);
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).UseIdentityAlwaysColumn();
            audit.Property(a => a.ClientId).HasMaxLength(100);
            audit.Property(a => a.UnitId).HasMaxLength(64);
            audit.Property(a => a.Entity).HasMaxLength(100);
            audit.Property(a => a.EntityId).HasMaxLength(100);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.Property(a => a.Summary).HasColumnType("jsonb");
            audit.Property(a => a.TraceId).HasMaxLength(32);
            audit.HasIndex(a => new { a.Entity, a.EntityId });
            audit.HasIndex(a => new { a.ClientId, a.OccurredAt });
            audit.HasIndex(a => a.OccurredAt);
        });
        return modelBuilder;
    }

    /// <summary>Marks an entity whose writes the audit trail leaves out (see <see cref="ExcludeFromAuditTrail{T}"/>).</summary>
    public const string NotAuditedAnnotation = "Civility:NotAudited";

    /// <summary>
    /// Leaves an entity's writes out of the audit trail: for a record written by the system at a high rate that is a
    /// log of its own (a webhook delivery and its attempts), where the trail would copy every row. What people do
    /// (register, change, pause a subscription) stays in the trail.
    /// </summary>
    public static EntityTypeBuilder<T> ExcludeFromAuditTrail<T>(this EntityTypeBuilder<T> entity) where T : class =>
        entity.HasAnnotation(NotAuditedAnnotation, true);

    internal static bool IsAudited(IReadOnlyEntityType entity) => entity.FindAnnotation(NotAuditedAnnotation)?.Value is not true;

    /// <summary>
    /// Takes UPDATE, DELETE and TRUNCATE on the audit table away from the role that runs the migrations (the service's
    /// own role): from then on the service can only add to its trail. Call it in the migration that creates the table.
    /// </summary>
    public static void MakeAuditTrailAppendOnly(this MigrationBuilder migrationBuilder, string schema) =>
        migrationBuilder.Sql($"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{Table} FROM CURRENT_USER;");
}
