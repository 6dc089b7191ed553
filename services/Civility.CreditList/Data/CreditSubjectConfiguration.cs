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
        subject.Property(s => s.Identifier).HasMaxLength(64);
        subject.HasIndex(s => new { s.Kind, s.Identifier }).IsUnique();
        subject.Property(s => s.Name).HasMaxLength(200);
        subject.HasIndex(s => s.Name);
    }
}
