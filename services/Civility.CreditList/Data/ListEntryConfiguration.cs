using Civility.CreditList.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.CreditList.Data;

internal sealed class ListEntryConfiguration : IEntityTypeConfiguration<ListEntry>
{
    public void Configure(EntityTypeBuilder<ListEntry> entry)
    {
        entry.ToTable("entries");
        entry.HasKey(e => e.Id);
        entry.HasOne(e => e.Subject).WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        entry.Property(e => e.ListType).HasConversion<string>().HasMaxLength(10);
        entry.Property(e => e.Tier).HasConversion<string>().HasMaxLength(10);
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.LegalBasisLaw).HasMaxLength(200);
        entry.Property(e => e.LegalBasisArticle).HasMaxLength(100);
        entry.Property(e => e.Facts).HasMaxLength(4000);
        entry.Property(e => e.DecisionNumber).HasMaxLength(100);
        entry.Property(e => e.DecidingDepartment).HasMaxLength(200);
        entry.Property(e => e.InternalNote).HasMaxLength(2000);
        entry.Property(e => e.SourceKey).HasMaxLength(100);
        entry.HasIndex(e => e.SourceKey).IsUnique();
        entry.Property(e => e.Version).IsRowVersion();
        entry.Property(e => e.StatementDeadlineCount).AsDeadlineCount();
        // The public query and the expiry job look for active entries of a subject or whose period ended.
        entry.HasIndex(e => new { e.SubjectId, e.Status });
        entry.HasIndex(e => new { e.Status, e.PublishedUntil });
        entry.Ignore(e => e.FormerlyListed);
        entry.Ignore(e => e.IsClosed);
        entry.HasMany(e => e.History).WithOne().HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Restrict);
        entry.Navigation(e => e.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EntryTransitionConfiguration : IEntityTypeConfiguration<EntryTransition>
{
    public void Configure(EntityTypeBuilder<EntryTransition> transition)
    {
        transition.ToTable("entry_transitions");
        transition.HasKey(t => t.Sequence);
        transition.Property(t => t.Sequence).UseIdentityAlwaysColumn();
        transition.Property(t => t.Action).HasMaxLength(30);
        transition.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.Actor).HasMaxLength(100);
        transition.Property(t => t.Reason).HasMaxLength(4000);
        transition.HasIndex(t => t.EntryId);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> objection)
    {
        objection.ToTable("objections");
        objection.HasKey(o => o.Id);
        objection.HasOne<ListEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
        objection.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        objection.Property(o => o.FiledBy).HasMaxLength(200);
        objection.Property(o => o.Grounds).HasMaxLength(4000);
        objection.Property(o => o.Reply).HasMaxLength(4000);
        objection.Property(o => o.DecidedBy).HasMaxLength(100);
        objection.HasIndex(o => new { o.Status, o.DecideBy });
        objection.Property(o => o.DecideByCount).AsDeadlineCount();
        objection.Property(o => o.Version).IsRowVersion();
    }
}

internal sealed class RepairApplicationConfiguration : IEntityTypeConfiguration<RepairApplication>
{
    public void Configure(EntityTypeBuilder<RepairApplication> repair)
    {
        repair.ToTable("repair_applications");
        repair.HasKey(r => r.Id);
        repair.HasOne<ListEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Restrict);
        repair.Property(r => r.QueryCode).HasMaxLength(12);
        repair.HasIndex(r => r.QueryCode).IsUnique();
        repair.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        repair.Property(r => r.Applicant).HasMaxLength(200);
        repair.Property(r => r.ProofOfCorrection).HasMaxLength(4000);
        repair.Property(r => r.Commitment).HasMaxLength(4000);
        repair.Property(r => r.Reply).HasMaxLength(4000);
        repair.Property(r => r.DecidedBy).HasMaxLength(100);
        repair.HasIndex(r => new { r.EntryId, r.Status });
        repair.Property(r => r.DecideByCount).AsDeadlineCount();
        repair.Property(r => r.Version).IsRowVersion();
    }
}
