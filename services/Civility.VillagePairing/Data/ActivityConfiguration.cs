using Civility.Data;
using Civility.VillagePairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.VillagePairing.Data;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<PairingActivity>
{
    public void Configure(EntityTypeBuilder<PairingActivity> activity)
    {
        activity.ToTable("pairing_activities");
        activity.HasKey(a => a.Id);
        activity.Property(a => a.Id).ValueGeneratedNever();
        activity.Property(a => a.UnitCode).HasMaxLength(32);
        activity.Property(a => a.Category).HasConversion<string>().HasMaxLength(40);
        activity.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        activity.HasRowVersion();
        activity.Property(a => a.Location).HasMaxLength(200);
        activity.HasOne<Pairing>().WithMany().HasForeignKey(a => a.PairingId).OnDelete(DeleteBehavior.Restrict);
        activity.HasIndex(a => new { a.UnitCode, a.Date });
        activity.OwnsMany(a => a.Volunteers, v =>
        {
            v.ToTable("activity_volunteers");
            v.WithOwner().HasForeignKey("ActivityId");
            v.Property<int>("Id");
            v.HasKey("Id");
            v.Property(x => x.Hours).HasPrecision(6, 2);
        });
        activity.OwnsMany(a => a.Served, s =>
        {
            s.ToTable("activity_people_served");
            s.WithOwner().HasForeignKey("ActivityId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.Group).HasConversion<string>().HasMaxLength(30);
        });
    }
}

internal sealed class CreationTaskConfiguration : IEntityTypeConfiguration<CreationTask>
{
    public void Configure(EntityTypeBuilder<CreationTask> task)
    {
        task.ToTable("creation_tasks");
        task.HasKey(t => t.Id);
        task.HasRowVersion();
        task.Property(t => t.Id).ValueGeneratedNever();
        task.Property(t => t.Title).HasMaxLength(200);
        task.Property(t => t.Basis).HasMaxLength(500);
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        task.HasIndex(t => new { t.Status, t.Deadline });
        task.OwnsMany(t => t.Assignments, a =>
        {
            a.ToTable("creation_task_assignments");
            a.WithOwner().HasForeignKey("TaskId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.UnitCode).HasMaxLength(32);
            a.Property(x => x.Evidence).HasMaxLength(500);
            a.HasIndex(x => x.UnitCode);
        });
    }
}

internal sealed class StatsConfiguration : IEntityTypeConfiguration<UnitYearStats>
{
    public void Configure(EntityTypeBuilder<UnitYearStats> stats)
    {
        stats.ToTable("unit_year_stats");
        stats.HasKey(s => new { s.UnitCode, s.Year });
        stats.Property(s => s.UnitCode).HasMaxLength(32);
        stats.Property(s => s.StaffHours).HasPrecision(14, 2);
        stats.Property(s => s.OtherHours).HasPrecision(14, 2);
    }
}
