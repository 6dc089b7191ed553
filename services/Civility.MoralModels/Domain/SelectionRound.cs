using Civility.Domain;

namespace Civility.MoralModels.Domain;

/// <summary>A selection round, e.g. "2020 Q3 good people" (身边好人 评选), with its categories and windows.</summary>
public sealed class SelectionRound
{
    private SelectionRound() { }

    public SelectionRound(string name, int year, int publicityDays, DateTimeOffset now,
        IEnumerable<NominationCategory>? categories = null, DateTimeOffset? votingOpensAt = null, DateTimeOffset? votingClosesAt = null,
        VoteVerification voteVerification = VoteVerification.OneTimeCode, bool publicTally = false)
    {
        if (votingOpensAt is not null && votingClosesAt is not null && votingClosesAt <= votingOpensAt)
            throw DomainRuleException.Rule("The voting window closes before it opens.");
        Id = Guid.CreateVersion7();
        Name = name;
        Year = year;
        PublicityDays = publicityDays;
        CreatedAt = now;
        Categories = (categories ?? Enum.GetValues<NominationCategory>()).Distinct().ToList();
        // Clients send Beijing time (+08:00); instants are kept in UTC.
        VotingOpensAt = votingOpensAt?.ToUniversalTime();
        VotingClosesAt = votingClosesAt?.ToUniversalTime();
        VoteVerification = voteVerification;
        PublicTally = publicTally;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>Length of the publicity window (公示期) in days; seven is customary.</summary>
    public int PublicityDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The categories this round selects; a nomination outside them is refused.</summary>
    public List<NominationCategory> Categories { get; private set; } = [];

    /// <summary>Public real-name voting (网络投票) is open from this instant (inclusive)...</summary>
    public DateTimeOffset? VotingOpensAt { get; private set; }

    /// <summary>...until this one (exclusive). No window, no voting.</summary>
    public DateTimeOffset? VotingClosesAt { get; private set; }

    /// <summary>How a vote proves a real person: a one-time code by text message unless the admin opted out.</summary>
    public VoteVerification VoteVerification { get; private set; }

    /// <summary>Whether the public sees each nomination's votes: chosen when the round is opened, off by default.</summary>
    public bool PublicTally { get; private set; }

    public bool IsVotingOpen(DateTimeOffset now) =>
        VotingOpensAt is { } opens && VotingClosesAt is { } closes && now >= opens && now < closes;

    public void EnsureAccepts(NominationCategory category)
    {
        if (!Categories.Contains(category))
            throw DomainRuleException.Rule($"The round '{Name}' does not select this category.",
                $"Categories of this round: {string.Join(", ", Categories.Select(c => KebabName.Of(c)))}.");
    }
}
