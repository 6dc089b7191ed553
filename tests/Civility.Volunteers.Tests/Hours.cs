using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Contracts.VillagePairing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Civility.Volunteers.Tests;

/// <summary>What the hours tests share: the county's today by the fake clock, records, pairing events, the books.</summary>
internal static class Hours
{
    public const string Records = "/api/volunteers/service-records";

    /// <summary>The county's date (China Standard Time) of the service's clock.</summary>
    public static DateOnly CountyToday(this VolunteersServiceFixture fixture) =>
        DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>
    /// Moves the clock forward to the next <paramref name="hour"/> o'clock in the county, so that a test's next hours stay in one
    /// county day.
    /// </summary>
    public static void AdvanceToCountyHour(this VolunteersServiceFixture fixture, int hour)
    {
        var now = fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, hour, 0, 0, now.Offset);
        if (next <= now) next = next.AddDays(1);
        fixture.Clock.Advance(next - now);
    }

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> RecordAsync(this HttpClient client, Guid volunteerId, decimal hours, DateOnly date,
        DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        client.PostAsJsonAsync(Records, new { volunteerId, serviceDate = date.Iso(), hours, content = "Free clinic", startsAt, endsAt });

    public static async Task<Guid> PendingAsync(this HttpClient client, Guid volunteerId, decimal hours, DateOnly date) =>
        (await (await client.RecordAsync(volunteerId, hours, date)).JsonAsync(HttpStatusCode.Created)).Id();

    public static async Task<List<JsonElement>> RecordsOfAsync(this HttpClient admin, Guid volunteerId) =>
        [.. (await (await admin.GetAsync($"{Records}?volunteerId={volunteerId}&pageSize=100")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray()];

    /// <summary>Publishes a completed pairing activity of <paramref name="unitCode"/> as the pairing service would.</summary>
    public static async Task<PairingActivityCompleted> PairingActivityAsync(this VolunteersServiceFixture fixture, string unitCode,
        DateOnly date, params (Guid VolunteerId, decimal Hours)[] participants)
    {
        var completed = new PairingActivityCompleted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), unitCode, "free-clinic", date,
            [.. participants.Select(p => new ActivityParticipant(p.VolunteerId, p.Hours))], 40);
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(completed, context => context.MessageId = completed.EventId);
        return completed;
    }

    /// <summary>Waits until the volunteer has <paramref name="count"/> records; returns them.</summary>
    public static Task<List<JsonElement>> AwaitRecordsAsync(this HttpClient admin, Guid volunteerId, int count) =>
        Polling.UntilAsync(async () => await admin.RecordsOfAsync(volunteerId) is { } records && records.Count >= count ? records : null,
            TimeSpan.FromSeconds(30), $"{count} records of volunteer {volunteerId}");

    /// <summary>The unit's row of the targets report for <paramref name="year"/>.</summary>
    public static async Task<JsonElement> TargetsAsync(this HttpClient admin, string unitCode, int year) =>
        (await (await admin.GetAsync($"/api/volunteers/reports/targets?year={year}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == unitCode);

    /// <summary>The latest UnitTargetsChanged of a unit and year in the outbox (highest figures version).</summary>
    public static async Task<JsonElement?> LatestSnapshotAsync(string database, string unitCode, int year) =>
        (await Outbox.EventsAsync(database, "UnitTargetsChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == unitCode && e.GetProperty("year").GetInt32() == year)
            .OrderByDescending(e => e.GetProperty("figuresVersion").GetInt64())
            .Cast<JsonElement?>().FirstOrDefault();

    public static async Task<T> ScalarAsync<T>(string database, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }
}
