using Civility.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.VillagePairing.Data;

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    /// <summary>The shadow property of a contact's phone as it was once stored, in clear (column <c>phone</c>).</summary>
    public const string LegacyClearPhone = nameof(LegacyClearPhone);

    public void Configure(EntityTypeBuilder<Pairing> pairing)
    {
        pairing.ToTable("pairings");
        pairing.HasKey(p => p.Id);
        pairing.HasRowVersion();
        pairing.Property(p => p.Id).ValueGeneratedNever();
        pairing.Property(p => p.UnitCode).HasMaxLength(32);
        pairing.Property(p => p.PlaceKind).HasConversion<string>().HasMaxLength(20);
        pairing.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        pairing.Property(p => p.Goals).HasMaxLength(2000);
        pairing.Property(p => p.EndReason).HasMaxLength(1000);
        pairing.HasOne<CivilizedUnit>().WithMany().HasForeignKey(p => p.CivilizedUnitId).OnDelete(DeleteBehavior.Restrict);
        pairing.HasOne<Place>().WithMany().HasForeignKey(p => p.PlaceId).OnDelete(DeleteBehavior.Restrict);
        pairing.HasIndex(p => new { p.UnitCode, p.Status });
        pairing.OwnsMany(p => p.Contacts, contact =>
        {
            contact.ToTable("pairing_contacts");
            contact.WithOwner().HasForeignKey("PairingId");
            contact.Property<int>("Id");
            contact.HasKey("Id");
            contact.Property(c => c.Side).HasMaxLength(10);
            contact.Property(c => c.Name).HasMaxLength(100);
            contact.Property(c => c.PhoneEncrypted).HasMaxLength(200);
            contact.Property(c => c.MaskedPhone).HasMaxLength(30);
            // The phone as it was stored before it was protected: read only by the backfill, which encrypts it and
            // empties it; nothing writes it any more. Dropped by a later migration (see ContactPhoneBackfillJob).
            contact.Property<string?>(LegacyClearPhone).HasColumnName("phone").HasMaxLength(30);
        });
    }
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> pledge)
    {
        pledge.ToTable("pledges");
        pledge.HasKey(p => p.Id);
        pledge.Property(p => p.Id).ValueGeneratedNever();
        pledge.Property(p => p.UnitCode).HasMaxLength(32);
        pledge.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        pledge.Property(p => p.Item).HasMaxLength(200);
        pledge.Property(p => p.UnitOfMeasure).HasMaxLength(20);
        pledge.Property(p => p.Quantity).HasPrecision(14, 2);
        pledge.Property(p => p.Delivered).HasPrecision(14, 2);
        pledge.HasRowVersion();
        pledge.HasOne<Pairing>().WithMany().HasForeignKey(p => p.PairingId).OnDelete(DeleteBehavior.Restrict);
        pledge.HasIndex(p => new { p.UnitCode, p.DueDate });
        pledge.OwnsMany(p => p.Deliveries, delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.WithOwner().HasForeignKey("PledgeId");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.Quantity).HasPrecision(14, 2);
            delivery.Property(d => d.Evidence).HasMaxLength(500);
        });
    }
}
