using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.VillagePairing.Data;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> place)
    {
        place.ToTable("places");
        place.HasKey(p => p.Id);
        place.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        place.Property(p => p.Name).HasMaxLength(200);
        place.Property(p => p.Township).HasMaxLength(200);
        place.HasIndex(p => new { p.Township, p.Name }).IsUnique();
    }
}
