using System.Globalization;
using System.Security.Cryptography;
using Civility.Hosting.PersonalData;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Npgsql;

namespace Civility.MoralModels.Application.Voting;

/// <summary>One-time codes for votes: configuration section <c>MoralModels:VoteCodes</c>.</summary>
public sealed class VoteCodeOptions
{
    /// <summary>How long a code verifies a vote.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Votes that may present a code (right or wrong) before it is dead: a wrong guess costs one.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The shortest time between two codes for the same phone and nomination.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes one phone may receive in an hour, over all nominations: nobody's phone is flooded with texts.</summary>
    public int MaxPerPhonePerHour { get; set; } = 10;
}

/// <summary>What asking for a code came to, decided by the database in one statement.</summary>
public sealed record CodeIssue(bool NominationExists, bool Issued, NominationStatus Status, DateTimeOffset? VotingOpensAt,
    DateTimeOffset? VotingClosesAt, VoteVerification Verification, TimeSpan? RetryAfter);

/// <summary>
/// Issues a code: the nomination must take votes now and its round ask for codes, and the phone must not be over
/// its resend throttle. Whether the phone has voted is not looked at, so the answer cannot tell anyone that.
/// </summary>
public static class VoteCodes
{
    private const string Sql = $"""
        WITH target AS (
            SELECT n.status, r.voting_opens_at, r.voting_closes_at, r.vote_verification
            FROM {MoralModelsDbContext.Schema}.nominations n
            JOIN {MoralModelsDbContext.Schema}.selection_rounds r ON r.id = n.round_id
            WHERE n.id = @nomination),
        recent AS (
            SELECT max(issued_at) FILTER (WHERE nomination_id = @nomination) AS last_here, count(*) AS in_hour, min(issued_at) AS oldest
            FROM {MoralModelsDbContext.Schema}.vote_codes
            WHERE phone_hash = @phone AND issued_at > @hour_ago),
        inserted AS (
            INSERT INTO {MoralModelsDbContext.Schema}.vote_codes (id, nomination_id, phone_hash, code_hash, issued_at, expires_at, attempts)
            SELECT @id, @nomination, @phone, @code, @now, @expires, 0 FROM target t, recent c
            WHERE t.status = ANY(@votable) AND t.vote_verification = '{nameof(VoteVerification.OneTimeCode)}'
              AND @now >= t.voting_opens_at AND @now < t.voting_closes_at
              AND (c.last_here IS NULL OR c.last_here <= @resend_before) AND c.in_hour < @per_hour
            RETURNING 1)
        SELECT t.status, t.voting_opens_at, t.voting_closes_at, t.vote_verification, c.last_here, c.in_hour, c.oldest,
               (SELECT count(*) FROM inserted)
        FROM target t, recent c
        """;

    /// <summary>Six random digits from the system's cryptographic generator.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The stored form of a code: keyed, and bound to its nomination and phone, so a row reveals nothing.</summary>
    public static string Hash(PersonalDataProtector protector, Guid nominationId, string phoneHash, string code) =>
        protector.LookupHash($"vote-code:{nominationId:N}:{phoneHash}:{code}");

    public static async Task<CodeIssue> IssueAsync(MoralModelsDbContext db, Guid nominationId, string phoneHash, string codeHash,
        VoteCodeOptions rules, DateTimeOffset now, CancellationToken ct)
    {
        return await VoteBallot.OnConnectionAsync(db, async connection =>
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("id", Guid.CreateVersion7(now));
            command.Parameters.AddWithValue("nomination", nominationId);
            command.Parameters.AddWithValue("phone", phoneHash);
            command.Parameters.AddWithValue("code", codeHash);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("expires", now + rules.Lifetime);
            command.Parameters.AddWithValue("hour_ago", now.AddHours(-1));
            command.Parameters.AddWithValue("resend_before", now - rules.ResendAfter);
            command.Parameters.AddWithValue("per_hour", (long)rules.MaxPerPhonePerHour);
            command.Parameters.AddWithValue("votable", VoteBallot.Votable);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return new CodeIssue(false, false, default, null, null, default, null);
            var lastHere = reader.IsDBNull(4) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(4);
            var inHour = reader.GetInt64(5);
            var oldest = reader.IsDBNull(6) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(6);
            TimeSpan? retryAfter = null;
            if (lastHere is { } last && last > now - rules.ResendAfter) retryAfter = last + rules.ResendAfter - now;
            if (inHour >= rules.MaxPerPhonePerHour && oldest is { } first)
                retryAfter = new[] { retryAfter ?? TimeSpan.Zero, first.AddHours(1) - now }.Max();
            return new CodeIssue(true, reader.GetInt64(7) == 1, Enum.Parse<NominationStatus>(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                Enum.Parse<VoteVerification>(reader.GetString(3)), retryAfter);
        }, ct);
    }
}
