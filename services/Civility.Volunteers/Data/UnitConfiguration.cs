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
    }
}
