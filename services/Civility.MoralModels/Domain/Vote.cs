namespace Civility.MoralModels.Domain;

/// <summary>
/// One public real-name vote (实名投票). The voter is only the keyed hash of their ID number: the number itself is
/// never stored. (nomination, voter) is the primary key, so a second vote cannot exist, however it races.
/// </summary>
public sealed class Vote
{
    private Vote() { }

    public Vote(Guid nominationId, Guid roundId, string voterHash, DateTimeOffset now)
    {
        NominationId = nominationId;
        RoundId = roundId;
        VoterHash = voterHash;
        CastAt = now;
    }

    public Guid NominationId { get; private set; }

    public Guid RoundId { get; private set; }

    public string VoterHash { get; private set; } = "";

    public DateTimeOffset CastAt { get; private set; }
}
