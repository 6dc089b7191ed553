using Civility.Domain;
using Civility.MoralModels.Domain;

namespace Civility.MoralModels.Application.Voting;

/// <summary>When a nomination takes votes (and codes for them): its round's window is open and it is still in the running.</summary>
internal static class VotingWindow
{
    private static readonly NominationStatus[] Votable =
        [NominationStatus.Nominated, NominationStatus.UnderReview, NominationStatus.InPublicity];

    /// <summary>422 naming why the nomination takes no vote now, as the database found it.</summary>
    public static void EnsureTakesVotes(NominationStatus status, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (opensAt is not { } opens || closesAt is not { } closes || now < opens || now >= closes)
            throw DomainRuleException.Rule("Voting is closed.", opensAt is null
                ? "This round has no public vote."
                : $"Votes are taken from {opensAt:u} until {closesAt:u}.");
        if (!Votable.Contains(status))
            throw DomainRuleException.Rule("This nomination takes no votes.", $"It is {KebabName.Of(status)}.");
    }
}
