using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.MoralModels.Data;

internal sealed class SelectionRoundConfiguration : IEntityTypeConfiguration<SelectionRound>
{
    public void Configure(EntityTypeBuilder<SelectionRound> round)
    {
        round.ToTable("selection_rounds");
        round.HasKey(r => r.Id);
        round.Property(r => r.Name).HasMaxLength(200);
        round.HasIndex(r => r.Name).IsUnique();
        round.PrimitiveCollection(r => r.Categories);
        // Rounds that existed before codes did require them too (the migration's column default): abuse-resistant.
        round.Property(r => r.VoteVerification).HasConversion<string>().HasMaxLength(16);
    }
}
