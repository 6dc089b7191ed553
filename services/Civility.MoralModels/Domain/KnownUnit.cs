namespace Civility.MoralModels.Domain;

/// <summary>
/// A unit as this service knows it from other services' events: its code (how nominations name it) and its unified
/// social credit code (how credit listings name it). The credit gate needs the link between the two.
/// </summary>
public sealed class KnownUnit
{
    private KnownUnit() { }

    public KnownUnit(string unitCode, string name, string? creditCode, string source, DateTimeOffset now)
    {
        UnitCode = unitCode;
        Name = name;
        CreditCode = creditCode;
        Source = source;
        UpdatedAt = now;
    }

    public string UnitCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? CreditCode { get; private set; }

    /// <summary>Which service said so last: the volunteer service owns units; a civilized unit's code only fills a gap.</summary>
    public string Source { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public const string FromVolunteers = "volunteers";

    public const string FromPairing = "village-pairing";

    public void Update(string name, string? creditCode, string source, DateTimeOffset now)
    {
        if (source == FromPairing && Source == FromVolunteers && CreditCode is not null) return;
        Name = name;
        CreditCode = creditCode ?? CreditCode;
        Source = source;
        UpdatedAt = now;
    }
}
