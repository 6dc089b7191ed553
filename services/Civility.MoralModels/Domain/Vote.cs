namespace Civility.MoralModels.Domain;

/// <summary>
/// One public real-name vote (实名投票). The voter is only the keyed hash of their ID number: the number itself is
/// never stored; nor is the mobile number the one-time code went to, only its keyed hash. (nomination, voter) is the
/// primary key and (nomination, phone) unique, so a second vote by the same person or phone cannot exist, however it races.
/// </summary>
public sealed class Vote
{
    private Vote() { }

    public Vote(Guid nominationId, Guid roundId, string voterHash, string? phoneHash, DateTimeOffset now)
    {
        PhoneHash = phoneHash;
        NominationId = nominationId;
        RoundId = roundId;
        VoterHash = voterHash;
        CastAt = now;
    }

    public Guid NominationId { get; private set; }

    public Guid RoundId { get; private set; }

    public string VoterHash { get; private set; } = "";

    /// <summary>Keyed hash of the verified mobile number; null in a round that takes the ID number only.</summary>
    public string? PhoneHash { get; private set; }

    public DateTimeOffset CastAt { get; private set; }
}
