using Civility.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.MoralModels.Data;

internal sealed class RoundReviewerConfiguration : IEntityTypeConfiguration<RoundReviewer>
{
    public void Configure(EntityTypeBuilder<RoundReviewer> reviewer)
    {
        reviewer.ToTable("round_reviewers");
        reviewer.HasKey(r => r.Id);
        reviewer.HasOne<SelectionRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        reviewer.Property(r => r.ClientId).HasMaxLength(100);
        reviewer.Property(r => r.DeclaredUnitCode).HasMaxLength(32);
        reviewer.HasIndex(r => new { r.RoundId, r.ClientId }).IsUnique();
    }
}

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> score)
    {
        score.ToTable("review_scores");
        score.HasKey(s => s.Id);
        score.HasOne<Nomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Restrict);
        score.Property(s => s.ReviewerClientId).HasMaxLength(100);
        score.Ignore(s => s.Total);
        score.Property(s => s.Scores).HasJsonColumn();
        // One scoring per reviewer per nomination; a second (or a racing duplicate) answers 409.
        score.HasIndex(s => new { s.NominationId, s.ReviewerClientId }).IsUnique();
        score.HasIndex(s => new { s.RoundId, s.ReviewerClientId });
    }
}
