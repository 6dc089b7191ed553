using System.Data;
using Civility.MoralModels.Data;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civility.MoralModels.Application;

/// <summary>What happened to one vote, decided by the database in a single statement.</summary>
public sealed record VoteOutcome(bool NominationExists, bool Inserted, NominationStatus Status, DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt);

/// <summary>
/// The vote insert path, kept to one round trip because it must sustain ≥ 1,000 votes/s: the window and state
/// checks and the INSERT … ON CONFLICT DO NOTHING run as one statement. The primary key (nomination, voter hash)
/// makes a repeated vote, however it races, insert nothing. Votes bypass the audit trail on purpose: each is an
/// anonymous public act already kept as its own append-only row.
/// </summary>
public static class VoteBallot
{
    private static readonly string[] Votable =
        [nameof(NominationStatus.Nominated), nameof(NominationStatus.UnderReview), nameof(NominationStatus.InPublicity)];

    private const string Sql = $"""
        WITH target AS (
            SELECT n.round_id, n.status, r.voting_opens_at, r.voting_closes_at
            FROM {MoralModelsDbContext.Schema}.nominations n
            JOIN {MoralModelsDbContext.Schema}.selection_rounds r ON r.id = n.round_id
            WHERE n.id = @nomination),
        inserted AS (
            INSERT INTO {MoralModelsDbContext.Schema}.votes (nomination_id, voter_hash, round_id, cast_at)
            SELECT @nomination, @voter, t.round_id, @now FROM target t
            WHERE t.status = ANY(@votable) AND @now >= t.voting_opens_at AND @now < t.voting_closes_at
            ON CONFLICT DO NOTHING
            RETURNING 1)
        SELECT t.status, t.voting_opens_at, t.voting_closes_at, (SELECT count(*) FROM inserted) FROM target t
        """;

    public static async Task<VoteOutcome> CastAsync(MoralModelsDbContext db, Guid nominationId, string voterHash, DateTimeOffset now, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("nomination", nominationId);
            command.Parameters.AddWithValue("voter", voterHash);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("votable", Votable);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return new VoteOutcome(false, false, default, null, null);
            return new VoteOutcome(true, reader.GetInt64(3) == 1, Enum.Parse<NominationStatus>(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
