using Civility.Volunteers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Volunteers.Data;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.HasKey(t => t.Id);
        team.Property(t => t.Name).HasMaxLength(200);
        team.Property(t => t.UnitCode).HasMaxLength(32);
        team.HasIndex(t => new { t.UnitCode, t.Name }).IsUnique();
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<VolunteerProject>
{
    public void Configure(EntityTypeBuilder<VolunteerProject> project)
    {
        project.ToTable("projects");
        project.HasKey(p => p.Id);
        project.Property(p => p.Name).HasMaxLength(200);
        project.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
        project.Property(p => p.OrganizingUnitCode).HasMaxLength(32);
        project.Property(p => p.Campaign).HasMaxLength(100);
        project.HasIndex(p => new { p.OrganizingUnitCode, p.Category });
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        activity.HasKey(a => a.Id);
        activity.Property(a => a.UnitCode).HasMaxLength(32);
        activity.Property(a => a.Title).HasMaxLength(200);
        activity.Property(a => a.Place).HasMaxLength(200);
        activity.Ignore(a => a.Confirmed);
        activity.HasIndex(a => new { a.UnitCode, a.StartsAt });
        activity.HasMany(a => a.SignUps).WithOne().HasForeignKey(s => s.ActivityId);
        activity.Navigation(a => a.SignUps).HasField("_signUps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> signUp)
    {
        signUp.HasKey(s => s.Id);
        // Ids are made by the domain: a sign-up found through its activity is new, not an existing row to update.
        signUp.Property(s => s.Id).ValueGeneratedNever();
        signUp.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        signUp.HasIndex(s => new { s.ActivityId, s.VolunteerId });
    }
}
