using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Volunteers.Data;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> volunteer)
    {
        volunteer.HasKey(v => v.Id);
        volunteer.Property(v => v.Number).HasMaxLength(20);
        volunteer.HasIndex(v => v.Number).IsUnique();
        volunteer.Property(v => v.Name).HasMaxLength(100);
        // One person, one registration: the keyed hash of the ID number is the identity.
        volunteer.Property(v => v.IdNumberHash).HasMaxLength(64);
        volunteer.HasIndex(v => v.IdNumberHash).IsUnique();
        volunteer.Property(v => v.IdNumberEncrypted).HasMaxLength(200);
        volunteer.Property(v => v.MaskedIdNumber).HasMaxLength(18);
        volunteer.Property(v => v.PhoneEncrypted).HasMaxLength(200);
        volunteer.Property(v => v.MaskedPhone).HasMaxLength(20);
        volunteer.Property(v => v.UnitCode).HasMaxLength(32);
        volunteer.HasIndex(v => new { v.UnitCode, v.Status, v.IsStaffOfUnit });
        volunteer.Property(v => v.NationalVolunteerNumber).HasMaxLength(50);
        volunteer.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        volunteer.Property(v => v.ApprovedHours).HasPrecision(12, 2);
        volunteer.Ignore(v => v.Stars);
        volunteer.Property(v => v.Version).IsRowVersion();
        volunteer.HasMany(v => v.StatusChanges).WithOne().HasForeignKey(c => c.VolunteerId);
        volunteer.Navigation(v => v.StatusChanges).HasField("_statusChanges").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VolunteerStatusChangeConfiguration : IEntityTypeConfiguration<VolunteerStatusChange>
{
    public void Configure(EntityTypeBuilder<VolunteerStatusChange> change)
    {
        change.ToTable("volunteer_status_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).UseIdentityAlwaysColumn();
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Reason).HasMaxLength(500);
        change.Property(c => c.Actor).HasMaxLength(100);
    }
}

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> record)
    {
        record.HasKey(r => r.Id);
        record.Property(r => r.UnitCode).HasMaxLength(32);
        record.Property(r => r.OriginUnitCode).HasMaxLength(32);
        record.Ignore(r => r.FromAnotherUnit);
        record.Ignore(r => r.Period);
        record.Property(r => r.HeldReason).HasMaxLength(500);
        record.Property(r => r.Version).IsRowVersion();
        record.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.SourceReference).HasMaxLength(100);
        record.Property(r => r.Hours).HasPrecision(6, 2);
        record.Property(r => r.Content).HasMaxLength(500);
        record.Property(r => r.RecordedBy).HasMaxLength(100);
        record.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.DecidedBy).HasMaxLength(100);
        record.Property(r => r.DeclineReason).HasMaxLength(500);
        record.Property(r => r.VoidedBy).HasMaxLength(100);
        record.Property(r => r.VoidReason).HasMaxLength(500);
        record.HasIndex(r => new { r.VolunteerId, r.ServiceDate });
        record.HasIndex(r => new { r.UnitCode, r.Status });
        // The same activity (or import row) cannot credit the same volunteer twice.
        record.HasIndex(r => new { r.VolunteerId, r.Source, r.SourceReference }).IsUnique().HasFilter("source_reference IS NOT NULL");
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.HasKey(c => c.Id);
        certificate.Property(c => c.Number).HasMaxLength(30);
        certificate.HasIndex(c => c.Number).IsUnique();
        certificate.Property(c => c.CheckCode).HasMaxLength(16);
        certificate.Property(c => c.UnitCode).HasMaxLength(32);
        certificate.Property(c => c.VolunteerName).HasMaxLength(100);
        certificate.Property(c => c.MaskedIdNumber).HasMaxLength(18);
        certificate.Property(c => c.VolunteerNumber).HasMaxLength(20);
        certificate.Property(c => c.Hours).HasPrecision(12, 2);
        certificate.Property(c => c.Content).HasMaxLength(2000);
        certificate.Property(c => c.IssuingOrganization).HasMaxLength(200);
        certificate.Property(c => c.Handler).HasMaxLength(100);
        certificate.Property(c => c.Contact).HasMaxLength(100);
        certificate.Ignore(c => c.IdType);
        certificate.HasIndex(c => c.VolunteerId);
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> batch)
    {
        batch.HasKey(b => b.Id);
        batch.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        batch.Property(b => b.Actor).HasMaxLength(100);
        batch.Property(b => b.UnitCode).HasMaxLength(32);
    }
}
