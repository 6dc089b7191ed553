using System.Text.Json;
using Npgsql;

namespace Civility.Volunteers.Tests;

/// <summary>Reads the events the service wrote to its outbox (what it will publish), straight from its schema.</summary>
internal static class Outbox
{
    public static async Task<List<JsonElement>> EventsAsync(string connectionString, string type)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM volunteers.outbox_messages WHERE message_type LIKE $1 ORDER BY sequence", connection)
        {
            Parameters = { new() { Value = $"%.{type}, %" } },
        };
        var events = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        return events;
    }

    public static async Task<string> AllBodiesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(string_agg(body::text, '\n'), '') FROM volunteers.outbox_messages", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
