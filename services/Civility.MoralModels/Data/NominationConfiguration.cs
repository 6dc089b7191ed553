using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.MoralModels.Data;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> nomination)
    {
        nomination.ToTable("nominations");
        nomination.HasKey(n => n.Id);
        nomination.HasOne<SelectionRound>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Restrict);
        nomination.Property(n => n.Category).HasConversion<string>().HasMaxLength(32);
        nomination.Property(n => n.GoodPersonKind).HasConversion<string>().HasMaxLength(32);
        nomination.Property(n => n.NomineeKind).HasConversion<string>().HasMaxLength(16);
        nomination.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        nomination.Property(n => n.ResumeTo).HasConversion<string>().HasMaxLength(16);
        nomination.Property(n => n.SuspensionCause).HasConversion<string>().HasMaxLength(16);
        nomination.Property(n => n.NomineeName).HasMaxLength(100);
        nomination.Property(n => n.IdHash).HasMaxLength(64);
        nomination.Property(n => n.IdMasked).HasMaxLength(18);
        nomination.Property(n => n.IdEncrypted).HasMaxLength(200);
        nomination.PrimitiveCollection(n => n.FamilyMembers);
        nomination.Property(n => n.FamilyMotto).HasMaxLength(500);
        nomination.Property(n => n.NomineeKeyHash).HasMaxLength(64);
        nomination.Property(n => n.UnitCode).HasMaxLength(32);
        nomination.Property(n => n.Deeds).HasMaxLength(4000);
        nomination.Property(n => n.NominatorClientId).HasMaxLength(100);
        nomination.Property(n => n.NominatorUnitCode).HasMaxLength(32);
        nomination.Property(n => n.SuspensionReason).HasMaxLength(500);
        nomination.Property(n => n.OffBoardsReason).HasMaxLength(500);
        nomination.Property(n => n.Version).IsRowVersion();
        // The same nominee once per round: a duplicate is merged as a supporter, and a race on it answers 409.
        nomination.HasIndex(n => new { n.RoundId, n.NomineeKeyHash }).IsUnique();
        nomination.HasIndex(n => n.IdHash);
        nomination.HasIndex(n => new { n.Status, n.CommendedAt });
        nomination.HasIndex(n => n.UnitCode);

        nomination.OwnsMany(n => n.Transitions, t =>
        {
            t.ToTable("nomination_transitions");
            t.WithOwner().HasForeignKey("NominationId");
            t.HasKey(x => x.Id);
            t.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.Action).HasMaxLength(32);
            t.Property(x => x.Actor).HasMaxLength(100);
            t.Property(x => x.Reason).HasMaxLength(1000);
        });
        nomination.Navigation(n => n.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);

        nomination.OwnsMany(n => n.Supporters, s =>
        {
            s.ToTable("nomination_supporters");
            s.WithOwner().HasForeignKey("NominationId");
            s.HasKey(x => x.Id);
            s.Property(x => x.ClientId).HasMaxLength(100);
            s.Property(x => x.UnitCode).HasMaxLength(32);
            s.Property(x => x.Note).HasMaxLength(4000); // the supporter's own account of the deeds
        });
        nomination.Navigation(n => n.Supporters).HasField("_supporters").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    /// <summary>The shadow property of the objector's phone as it was once stored, in clear (column <c>contact_phone</c>).</summary>
    public const string LegacyClearPhone = nameof(LegacyClearPhone);

    public void Configure(EntityTypeBuilder<Objection> objection)
    {
        objection.ToTable("objections");
        objection.HasKey(o => o.Id);
        objection.HasOne<Nomination>().WithMany().HasForeignKey(o => o.NominationId).OnDelete(DeleteBehavior.Restrict);
        objection.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        objection.Property(o => o.Content).HasMaxLength(4000);
        objection.Property(o => o.ContactName).HasMaxLength(100);
        objection.Property(o => o.ContactPhoneEncrypted).HasMaxLength(200);
        objection.Property(o => o.MaskedContactPhone).HasMaxLength(30);
        // The phone as it was stored before it was protected: read only by the backfill, which encrypts it and empties
        // it; nothing writes it any more. Dropped by a later migration (see ObjectionPhoneBackfillJob).
        objection.Property<string?>(LegacyClearPhone).HasColumnName("contact_phone").HasMaxLength(32);
        objection.Property(o => o.Resolution).HasMaxLength(2000);
        objection.Property(o => o.ResolvedBy).HasMaxLength(100);
        objection.HasIndex(o => new { o.NominationId, o.Status });
    }
}

internal sealed class CreditListingConfiguration : IEntityTypeConfiguration<CreditListing>
{
    public void Configure(EntityTypeBuilder<CreditListing> listing)
    {
        listing.ToTable("credit_listings");
        listing.HasKey(l => l.EntryId);
        listing.Property(l => l.EntryId).ValueGeneratedNever();
        listing.Property(l => l.SubjectKind).HasMaxLength(32);
        listing.Property(l => l.SubjectName).HasMaxLength(200);
        listing.Property(l => l.MaskedIdentifier).HasMaxLength(32);
        listing.Property(l => l.SubjectKeyHash).HasMaxLength(64);
        listing.Property(l => l.Tier).HasMaxLength(32);
        listing.Property(l => l.DecisionNumber).HasMaxLength(100);
        listing.Property(l => l.LiftReason).HasMaxLength(100);
        listing.HasIndex(l => l.SubjectKeyHash);
        listing.Property(l => l.OrganizationCode).HasMaxLength(18);
        listing.HasIndex(l => l.OrganizationCode);
    }
}

internal sealed class KnownUnitConfiguration : IEntityTypeConfiguration<KnownUnit>
{
    public void Configure(EntityTypeBuilder<KnownUnit> unit)
    {
        unit.ToTable("known_units");
        unit.HasKey(u => u.UnitCode);
        unit.Property(u => u.UnitCode).HasMaxLength(32);
        unit.Property(u => u.Name).HasMaxLength(200);
        unit.Property(u => u.CreditCode).HasMaxLength(18);
        unit.Property(u => u.Source).HasMaxLength(32);
        unit.HasIndex(u => u.CreditCode);
    }
}

internal sealed class CreditGateDecisionConfiguration : IEntityTypeConfiguration<CreditGateDecision>
{
    public void Configure(EntityTypeBuilder<CreditGateDecision> decision)
    {
        decision.ToTable("credit_gate_decisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.Action).HasMaxLength(32);
        decision.Property(d => d.SubjectKeyHash).HasMaxLength(64);
        decision.Property(d => d.UnitCode).HasMaxLength(32);
        decision.Property(d => d.Actor).HasMaxLength(100);
        decision.HasIndex(d => d.NominationId);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> vote)
    {
        vote.ToTable("votes");
        vote.HasKey(v => new { v.NominationId, v.VoterHash });
        vote.Property(v => v.VoterHash).HasMaxLength(64);
        vote.Property(v => v.PhoneHash).HasMaxLength(64);
        vote.HasIndex(v => v.RoundId);
        // One vote per mobile number per nomination, besides one per ID number (numbers are null in ID-only rounds,
        // and nulls do not collide).
        vote.HasIndex(v => new { v.NominationId, v.PhoneHash }).IsUnique();
    }
}

internal sealed class VoteCodeConfiguration : IEntityTypeConfiguration<VoteCode>
{
    public void Configure(EntityTypeBuilder<VoteCode> code)
    {
        code.ToTable("vote_codes");
        code.HasKey(c => c.Id);
        code.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        code.Property(c => c.PhoneHash).HasMaxLength(64);
        code.Property(c => c.CodeHash).HasMaxLength(64);
        // The vote finds the newest live code of (nomination, phone); the resend throttle counts a phone's recent codes.
        code.HasIndex(c => new { c.NominationId, c.PhoneHash, c.IssuedAt });
        code.HasIndex(c => new { c.PhoneHash, c.IssuedAt });
    }
}
