using Civility.CreditList.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.CreditList.Data;

internal sealed class CreditSubjectConfiguration : IEntityTypeConfiguration<CreditSubject>
{
    public void Configure(EntityTypeBuilder<CreditSubject> subject)
    {
        subject.ToTable("subjects");
        subject.HasKey(s => s.Id);
        subject.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        // Named "Hash" so the audit trail leaves it out; the column keeps its first name.
        subject.Property(s => s.LookupHashOrCode).HasColumnName("identifier").HasMaxLength(64);
        subject.HasIndex(s => new { s.Kind, s.LookupHashOrCode }).IsUnique();
        subject.Property(s => s.DisplayIdentifier).HasMaxLength(32);
        subject.Property(s => s.EncryptedIdNumber).HasMaxLength(200);
        subject.Property(s => s.Name).HasMaxLength(200);
        subject.HasIndex(s => s.Name);
        subject.Ignore(s => s.SubjectKeyHash);
    }
}
