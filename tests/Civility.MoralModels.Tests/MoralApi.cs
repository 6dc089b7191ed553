using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Hosting.PersonalData;
using Civility.ServiceDefaults.Time;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Civility.MoralModels.Tests;

/// <summary>The service's API as the tests drive it: rounds, nominations, transitions, and reading the outbox.</summary>
public sealed class MoralApi(MoralModelsServiceFixture fixture)
{
    public const string Base = "/api/moral-models";

    public FakeTimeProvider Clock => fixture.Clock;

    public ServiceHost<Program> Service => fixture.Service;

    public HttpClient Admin() => Service.Admin();

    public HttpClient Unit(string unit, string? clientId = null) =>
        Service.ClientFor(clientId ?? $"client-{unit.ToLowerInvariant()}", unit, "moral.read", "moral.write");

    public HttpClient Bureau(string clientId) => Service.ClientFor(clientId, null, "moral.read", "moral.write");

    public static string NewUnit() => $"U-{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    /// <summary>A valid GB 11643 number, different on every call.</summary>
    public static string NewCitizenId()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20000));
        var first17 = $"330102{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):000}";
        return first17 + CitizenIdNumber.CheckCharacter(first17);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public async Task<Guid> CreateRoundAsync(int publicityDays = 7, TimeSpan? votingOpensIn = null, TimeSpan? votingLasts = null, string[]? categories = null)
    {
        using var admin = Admin();
        var now = Clock.GetUtcNow();
        var opens = votingOpensIn is { } o ? now + o : (DateTimeOffset?)null;
        using var response = await admin.PostAsJsonAsync($"{Base}/rounds", new
        {
            name = $"Round {Guid.NewGuid():N}",
            year = 2026,
            publicityDays,
            categories,
            votingOpensAt = opens,
            votingClosesAt = opens + (votingLasts ?? TimeSpan.FromDays(3)),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> NominatePersonAsync(HttpClient client, Guid roundId, string idNumber, string unitCode,
        string category = "good-person", string? kind = "honesty", string name = "Zhang Wei") =>
        await client.PostAsJsonAsync($"{Base}/nominations", new
        {
            roundId, category, goodPersonKind = category == "good-person" ? kind : null, nomineeKind = "person",
            nomineeName = name, idNumber, unitCode, deeds = "Returned a lost wallet with 20,000 yuan to its owner.",
        });

    /// <summary>A fresh person nomination, created by an admin; returns its id.</summary>
    public async Task<Guid> NewNominationAsync(Guid roundId, string? idNumber = null, string? unitCode = null, string category = "good-person")
    {
        using var admin = Admin();
        using var response = await NominatePersonAsync(admin, roundId, idNumber ?? NewCitizenId(), unitCode ?? NewUnit(), category);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> TransitionAsync(Guid nominationId, string action, string? reason = null)
    {
        using var admin = Admin();
        return await admin.PostAsJsonAsync($"{Base}/nominations/{nominationId}/{action}", new { reason });
    }

    public async Task<JsonElement> MoveAsync(Guid nominationId, string action, string? reason = "ok")
    {
        using var response = await TransitionAsync(nominationId, action, reason);
        var body = await JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async Task<JsonElement> GetNominationAsync(Guid id)
    {
        using var admin = Admin();
        return await admin.GetFromJsonAsync<JsonElement>($"{Base}/nominations/{id}");
    }

    public async Task<string> StatusAsync(Guid id) => (await GetNominationAsync(id)).GetProperty("status").GetString()!;

    /// <summary>Nominated → under review → in publicity.</summary>
    public async Task<Guid> InPublicityAsync(Guid roundId, string? idNumber = null, string? unitCode = null, string category = "good-person")
    {
        var id = await NewNominationAsync(roundId, idNumber, unitCode, category);
        await MoveAsync(id, "review");
        await MoveAsync(id, "publicize");
        return id;
    }

    /// <summary>...and selected, once the publicity window (moved past on the fake clock) has closed.</summary>
    public async Task<Guid> SelectedAsync(Guid roundId, int publicityDays, string? idNumber = null, string category = "good-person")
    {
        var id = await InPublicityAsync(roundId, idNumber, category: category);
        Clock.Advance(TimeSpan.FromDays(publicityDays) + TimeSpan.FromMinutes(1));
        await MoveAsync(id, "select");
        return id;
    }

    public async Task<HttpResponseMessage> CommendAsync(params Guid[] nominationIds)
    {
        using var admin = Admin();
        return await admin.PostAsJsonAsync($"{Base}/commendations", new
        {
            kind = "meeting", title = "County moral model commendation meeting",
            heldOn = Clock.CountyToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            place = "County hall", nominationIds,
        });
    }

    /// <summary>Bodies of the events of that type in the service's outbox that mention <paramref name="mentioning"/>.</summary>
    public async Task<List<string>> OutboxAsync(string eventType, string mentioning)
    {
        await using var connection = new NpgsqlConnection(Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM moral_models.outbox_messages WHERE message_type LIKE @type AND body::text LIKE @mention", connection);
        command.Parameters.AddWithValue("type", $"Civility.Contracts.MoralModels.{eventType},%");
        command.Parameters.AddWithValue("mention", $"%{mentioning}%");
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies.Add(reader.GetString(0));
        return bodies;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
