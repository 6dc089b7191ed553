using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.MoralModels.Data;

internal sealed class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> commendation)
    {
        commendation.ToTable("commendations");
        commendation.HasKey(c => c.Id);
        commendation.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        commendation.Property(c => c.Title).HasMaxLength(200);
        commendation.Property(c => c.Place).HasMaxLength(200);
        commendation.Property(c => c.CreatedBy).HasMaxLength(100);
        commendation.PrimitiveCollection(c => c.NominationIds);
        commendation.HasIndex(c => c.HeldOn);
    }
}

internal sealed class AssistanceRecordConfiguration : IEntityTypeConfiguration<AssistanceRecord>
{
    public void Configure(EntityTypeBuilder<AssistanceRecord> record)
    {
        record.ToTable("assistance_records");
        record.HasKey(r => r.Id);
        record.HasOne<Nomination>().WithMany().HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Restrict);
        record.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        record.Property(r => r.Amount).HasPrecision(12, 2);
        record.Property(r => r.Handler).HasMaxLength(100);
        record.Property(r => r.Note).HasMaxLength(1000);
        record.HasIndex(r => new { r.NominationId, r.Date });
    }
}
