namespace Civility.Volunteers.Domain;

/// <summary>One of the bureau's subordinate units (下属单位), whose staff are expected to register as volunteers.</summary>
public sealed class Unit
{
    private Unit() { }

    public Unit(string code, string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The bureau's own short code for the unit; unique.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = name;
        UpdatedAt = now;
    }
}
