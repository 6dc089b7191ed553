using System.Data;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civility.MoralModels.Application.Voting;

/// <summary>What happened to one vote, decided by the database in a single statement.</summary>
public sealed record VoteOutcome(bool NominationExists, bool Inserted, NominationStatus Status, DateTimeOffset? VotingOpensAt,
    DateTimeOffset? VotingClosesAt, VoteVerification Verification, bool CodeAccepted);

/// <summary>
/// The vote insert path, kept to one round trip because it must sustain ≥ 1,000 votes/s: the window, state and
/// one-time-code checks, the INSERT … ON CONFLICT DO NOTHING and spending the code run as one statement. The live
/// code row is locked (FOR UPDATE), so two votes racing with one code cannot both use it: the second sees it spent.
/// The primary key (nomination, voter hash) and the unique (nomination, phone hash) make a repeated vote, however it
/// races, insert nothing. Votes bypass the audit trail on purpose: each is an anonymous public act already kept as
/// its own append-only row.
/// </summary>
public static class VoteBallot
{
    internal static readonly string[] Votable =
        [nameof(NominationStatus.Nominated), nameof(NominationStatus.UnderReview), nameof(NominationStatus.InPublicity)];

    // A code presented counts as an attempt, right or wrong; the right one is spent only by the vote it let in (a
    // vote refused as a repeat leaves it, so the person is told "already voted" rather than "code used").
    private const string Sql = $"""
        WITH target AS (
            SELECT n.round_id, n.status, r.voting_opens_at, r.voting_closes_at, r.vote_verification
            FROM {MoralModelsDbContext.Schema}.nominations n
            JOIN {MoralModelsDbContext.Schema}.selection_rounds r ON r.id = n.round_id
            WHERE n.id = @nomination),
        code AS (
            SELECT c.id, (c.code_hash = @code AND c.attempts < @max_attempts) AS accepted
            FROM {MoralModelsDbContext.Schema}.vote_codes c
            WHERE @code IS NOT NULL AND c.nomination_id = @nomination AND c.phone_hash = @phone
              AND c.used_at IS NULL AND c.expires_at > @now
            ORDER BY c.issued_at DESC
            LIMIT 1
            FOR UPDATE),
        inserted AS (
            INSERT INTO {MoralModelsDbContext.Schema}.votes (nomination_id, voter_hash, phone_hash, round_id, cast_at)
            SELECT @nomination, @voter, @phone, t.round_id, @now FROM target t
            WHERE t.status = ANY(@votable) AND @now >= t.voting_opens_at AND @now < t.voting_closes_at
              AND (t.vote_verification = '{nameof(VoteVerification.IdNumberOnly)}' OR EXISTS (SELECT 1 FROM code WHERE accepted))
            ON CONFLICT DO NOTHING
            RETURNING 1),
        spent AS (
            UPDATE {MoralModelsDbContext.Schema}.vote_codes c
            SET attempts = c.attempts + 1, used_at = CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN @now ELSE c.used_at END
            FROM code WHERE c.id = code.id
            RETURNING 1)
        SELECT t.status, t.voting_opens_at, t.voting_closes_at, t.vote_verification,
               (SELECT count(*) FROM inserted), coalesce((SELECT accepted FROM code), false), (SELECT count(*) FROM spent)
        FROM target t
        """;

    /// <param name="phoneHash">Keyed hash of the verified mobile number (null when the voter gave none).</param>
    /// <param name="codeHash">See <see cref="VoteCodes.Hash"/>; null when no code was given.</param>
    public static async Task<VoteOutcome> CastAsync(MoralModelsDbContext db, Guid nominationId, string voterHash, string? phoneHash,
        string? codeHash, int maxAttempts, DateTimeOffset now, CancellationToken ct)
    {
        return await OnConnectionAsync(db, async connection =>
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("nomination", nominationId);
            command.Parameters.AddWithValue("voter", voterHash);
            command.Parameters.Add(NullableText("phone", phoneHash));
            command.Parameters.Add(NullableText("code", codeHash));
            command.Parameters.AddWithValue("max_attempts", maxAttempts);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("votable", Votable);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return new VoteOutcome(false, false, default, null, null, default, false);
            return new VoteOutcome(true, reader.GetInt64(4) == 1, Enum.Parse<NominationStatus>(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                Enum.Parse<VoteVerification>(reader.GetString(3)), reader.GetBoolean(5));
        }, ct);
    }

    /// <summary>A text parameter that may be null: typed, so that PostgreSQL can tell what a null is.</summary>
    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Varchar) { Value = (object?)value ?? DBNull.Value };

    /// <summary>Runs one raw statement on the context's connection, opening it for the call if it is closed.</summary>
    internal static async Task<T> OnConnectionAsync<T>(MoralModelsDbContext db, Func<NpgsqlConnection, Task<T>> run, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            return await run(connection);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
