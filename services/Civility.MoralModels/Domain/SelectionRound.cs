namespace Civility.MoralModels.Domain;

/// <summary>A selection round, e.g. "2020 Q3 good people" (身边好人 评选), with its publicity window length.</summary>
public sealed class SelectionRound
{
    private SelectionRound() { }

    public SelectionRound(string name, int year, int publicityDays, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Year = year;
        PublicityDays = publicityDays;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>Length of the publicity window (公示期) in days; seven is customary.</summary>
    public int PublicityDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
