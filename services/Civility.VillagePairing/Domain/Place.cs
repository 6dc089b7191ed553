namespace Civility.VillagePairing.Domain;

/// <summary>Administrative village (行政村) or urban community (社区) a civilized unit can pair with.</summary>
public enum PlaceKind { Village, Community }

public sealed class Place
{
    private Place() { }

    public Place(PlaceKind kind, string name, string township, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Name = name;
        Township = township;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public PlaceKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The township (乡镇) of a village or the street (街道) of a community.</summary>
    public string Township { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
