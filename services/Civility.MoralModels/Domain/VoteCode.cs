namespace Civility.MoralModels.Domain;

/// <summary>
/// A one-time code (验证码) sent to a voter's mobile number for one nomination. Only keyed hashes are kept: of the
/// number, and of the code bound to that number and nomination. It lives a few minutes, takes a few attempts, and is
/// spent by the vote it verified. Rows are written and spent by single SQL statements (see VoteBallot), never deleted.
/// </summary>
public sealed class VoteCode
{
    private VoteCode() { }

    public Guid Id { get; private set; }

    public Guid NominationId { get; private set; }

    public string PhoneHash { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Votes that presented a code while this one was live, right or wrong.</summary>
    public int Attempts { get; private set; }

    /// <summary>When the vote it verified was cast; a used code verifies nothing more.</summary>
    public DateTimeOffset? UsedAt { get; private set; }
}
