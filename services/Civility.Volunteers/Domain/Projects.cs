namespace Civility.Volunteers.Domain;

/// <summary>What a project serves (seed items 3, 4, 10).</summary>
public enum ProjectCategory
{
    ElderlyCare,
    LeftBehindChildren,
    NeedyWorkers,
    DisabledPeople,
    PartyMemberService,
    MedicalServiceInCommunities,
    EpidemicPrevention,
    RuralRevitalization,
    MinorsHealthEducation,
    ThemedCampaign,
}

/// <summary>A volunteer team (志愿服务队) of a unit, with its leader.</summary>
public sealed class Team
{
    private Team() { }

    public Team(string name, string unitCode, Guid? leaderVolunteerId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        UnitCode = unitCode;
        LeaderVolunteerId = leaderVolunteerId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string UnitCode { get; private set; } = "";

    public Guid? LeaderVolunteerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A volunteer service project, organized by a unit, tagged with a category (and a campaign for themed ones).</summary>
public sealed class VolunteerProject
{
    private VolunteerProject() { }

    public VolunteerProject(
        string name, ProjectCategory category, string organizingUnitCode, Guid? teamId, string? campaign, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Category = category;
        OrganizingUnitCode = organizingUnitCode;
        TeamId = teamId;
        Campaign = campaign;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public ProjectCategory Category { get; private set; }

    public string OrganizingUnitCode { get; private set; } = "";

    public Guid? TeamId { get; private set; }

    /// <summary>E.g. "Our Festivals", "Eight Don'ts", civilized traffic (seed item 3).</summary>
    public string? Campaign { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
