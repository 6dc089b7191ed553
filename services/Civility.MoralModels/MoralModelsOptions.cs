namespace Civility.MoralModels;

/// <summary>The bureau's selection rules that are policy: configuration section <c>MoralModels</c>.</summary>
public sealed class MoralModelsOptions
{
    /// <summary>
    /// The shortest publicity window (公示期) a round may set, in days. Zero is meant for test and demo stacks only:
    /// a window that closes as it opens lets a scenario walk a nomination to its commendation in minutes.
    /// </summary>
    public int MinimumPublicityDays { get; set; } = 1;

    /// <summary>The longest publicity window a round may set, in days.</summary>
    public int MaximumPublicityDays { get; set; } = 30;

    /// <summary>One-time codes for public votes (<c>MoralModels:VoteCodes</c>).</summary>
    public Application.Voting.VoteCodeOptions VoteCodes { get; set; } = new();

    /// <summary>Velocity limits of the anonymous endpoints (<c>MoralModels:PublicLimits</c>).</summary>
    public PublicLimitOptions PublicLimits { get; set; } = new();
}

/// <summary>At most <see cref="Permits"/> requests per <see cref="Window"/> (a fixed window).</summary>
public sealed class WindowLimit
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The two limits of one public endpoint: per client address, and per nomination over all addresses.</summary>
public sealed class EndpointLimits
{
    public WindowLimit PerAddress { get; set; } = new();

    public WindowLimit PerNomination { get; set; } = new();
}

/// <summary>
/// How fast the public may vote, ask for codes and file objections. Counted in memory, so per replica: with N
/// replicas behind the gateway a client gets up to N times these. They blunt bursts; the hard limit is the database's
/// one vote per ID number and per phone, and a code per real phone.
/// </summary>
public sealed class PublicLimitOptions
{
    /// <summary>A household or an office shares an address: a few dozen votes a minute; a nomination takes 100 a second.</summary>
    public EndpointLimits Votes { get; set; } = new()
    {
        PerAddress = new() { Permits = 30, Window = TimeSpan.FromMinutes(1) },
        PerNomination = new() { Permits = 6000, Window = TimeSpan.FromMinutes(1) },
    };

    /// <summary>Each code is a text message that costs money and lands on someone's phone.</summary>
    public EndpointLimits VoteCodes { get; set; } = new()
    {
        PerAddress = new() { Permits = 10, Window = TimeSpan.FromMinutes(10) },
        PerNomination = new() { Permits = 3000, Window = TimeSpan.FromMinutes(1) },
    };

    /// <summary>An objection suspends a nomination in publicity: a handful per address and per nomination an hour.</summary>
    public EndpointLimits Objections { get; set; } = new()
    {
        PerAddress = new() { Permits = 5, Window = TimeSpan.FromHours(1) },
        PerNomination = new() { Permits = 20, Window = TimeSpan.FromHours(1) },
    };
}
