using Civility.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.VillagePairing.Data;

internal sealed class CivilizedUnitConfiguration : IEntityTypeConfiguration<CivilizedUnit>
{
    public void Configure(EntityTypeBuilder<CivilizedUnit> unit)
    {
        unit.ToTable("civilized_units");
        unit.HasKey(u => u.Id);
        unit.HasRowVersion();
        unit.Property(u => u.Id).ValueGeneratedNever();
        unit.Property(u => u.UnitCode).HasMaxLength(32);
        unit.Property(u => u.Name).HasMaxLength(200);
        unit.Property(u => u.CreditCode).HasMaxLength(18);
        unit.Property(u => u.Level).HasConversion<string>().HasMaxLength(20);
        unit.Property(u => u.Status).HasConversion<string>().HasMaxLength(30);
        unit.HasIndex(u => u.UnitCode).IsUnique();
        unit.HasIndex(u => u.CreditCode).IsUnique();
        unit.HasIndex(u => new { u.Status, u.ReviewDeadline });
        unit.OwnsMany(u => u.History, change =>
        {
            change.ToTable("civilized_unit_status_changes");
            change.WithOwner().HasForeignKey("CivilizedUnitId");
            change.Property<int>("Id");
            change.HasKey("Id");
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
            change.Property(c => c.Action).HasMaxLength(40);
            change.Property(c => c.By).HasMaxLength(100);
            change.Property(c => c.Reason).HasMaxLength(1000);
        });
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.ToTable("assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Id).ValueGeneratedNever();
        assessment.Property(a => a.UnitCode).HasMaxLength(32);
        assessment.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.AssessedBy).HasMaxLength(100);
        assessment.HasIndex(a => new { a.CivilizedUnitId, a.Year }).IsUnique();
        assessment.OwnsMany(a => a.Deductions, d =>
        {
            d.ToTable("assessment_deductions");
            d.WithOwner().HasForeignKey("AssessmentId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.Property(x => x.Item).HasMaxLength(500);
        });
    }
}
