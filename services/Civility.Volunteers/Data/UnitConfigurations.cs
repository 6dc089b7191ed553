using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Volunteers.Data;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.HasKey(u => u.Id);
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.HasIndex(u => u.Code).IsUnique();
        unit.Property(u => u.Name).HasMaxLength(200);
        unit.Property(u => u.CreditCode).HasMaxLength(18);
        unit.HasIndex(u => u.CreditCode).IsUnique();
        unit.HasMany(u => u.Headcounts).WithOne().HasForeignKey(h => h.UnitId);
        unit.Navigation(u => u.Headcounts).HasField("_headcounts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class UnitHeadcountConfiguration : IEntityTypeConfiguration<UnitHeadcount>
{
    public void Configure(EntityTypeBuilder<UnitHeadcount> headcount)
    {
        headcount.ToTable("unit_headcounts");
        headcount.HasKey(h => new { h.UnitId, h.Year });
    }
}

internal sealed class UnitYearHoursConfiguration : IEntityTypeConfiguration<UnitYearHours>
{
    public void Configure(EntityTypeBuilder<UnitYearHours> hours)
    {
        hours.HasKey(h => new { h.UnitCode, h.Year });
        hours.Property(h => h.UnitCode).HasMaxLength(32);
        hours.Property(h => h.StaffHours).HasPrecision(14, 2);
        hours.Property(h => h.OtherHours).HasPrecision(14, 2);
        hours.Ignore(h => h.ApprovedHours);
    }
}
