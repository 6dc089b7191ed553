using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Domain.PersonalData;
using Civility.Domain.Time;
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

    /// <summary>An anonymous member of the public, from an address of their own (as the gateway forwards it).</summary>
    public HttpClient Public(string? address = null)
    {
        var client = Service.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? NewAddress());
        return client;
    }

    public static string NewAddress() => $"10.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>A mainland mobile number, different on every call (in practice).</summary>
    public static string NewPhone() => $"1{Random.Shared.Next(3, 10)}{Random.Shared.NextInt64(0, 1_000_000_000):000000000}";

    public static async Task<HttpResponseMessage> RequestCodeAsync(HttpClient client, Guid nominationId, string phone) =>
        await client.PostAsJsonAsync($"{Base}/public/nominations/{nominationId}/vote-codes", new { phone });

    public static async Task<HttpResponseMessage> PostVoteAsync(
        HttpClient client, Guid nominationId, string idNumber, string? phone, string? code) =>
        await client.PostAsJsonAsync($"{Base}/public/nominations/{nominationId}/votes",
            new { voterName = "Chen Jing", idNumber, phone, code });

    /// <summary>A code request from an address of its own.</summary>
    public async Task<HttpResponseMessage> RequestCodeAsync(Guid nominationId, string phone)
    {
        using var client = Public();
        return await RequestCodeAsync(client, nominationId, phone);
    }

    /// <summary>A vote from an address of its own, with whatever phone and code it is given.</summary>
    public async Task<HttpResponseMessage> PostVoteAsync(Guid nominationId, string idNumber, string? phone, string? code)
    {
        using var client = Public();
        return await PostVoteAsync(client, nominationId, idNumber, phone, code);
    }

    /// <summary>A whole public vote as a voter casts it: ask for a code, read it off the phone, vote with it.</summary>
    public async Task<HttpResponseMessage> VoteAsync(Guid nominationId, string? idNumber = null, string? phone = null)
    {
        phone ??= NewPhone();
        using var client = Public();
        using (var sent = await RequestCodeAsync(client, nominationId, phone))
            Assert.True(sent.StatusCode == HttpStatusCode.Accepted,
                $"vote-codes: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        return await PostVoteAsync(client, nominationId, idNumber ?? NewCitizenId(), phone, fixture.Codes.LastFor(phone));
    }

    public string LastCodeFor(string phone) => fixture.Codes.LastFor(phone);

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

    public async Task<Guid> CreateRoundAsync(int publicityDays = 7, TimeSpan? votingOpensIn = null, TimeSpan? votingLasts = null,
        string[]? categories = null, string? voteVerification = null, int? year = null, bool? publicTally = null)
    {
        using var admin = Admin();
        var now = Clock.GetUtcNow();
        var opens = votingOpensIn is { } o ? now + o : (DateTimeOffset?)null;
        using var response = await admin.PostAsJsonAsync($"{Base}/rounds", new
        {
            name = $"Round {Guid.NewGuid():N}",
            year = year ?? Clock.CountyYear(),
            publicityDays,
            categories,
            votingOpensAt = opens,
            votingClosesAt = opens + (votingLasts ?? TimeSpan.FromDays(3)),
            voteVerification,
            publicTally,
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
    public async Task<Guid> NewNominationAsync(Guid roundId, string? idNumber = null, string? unitCode = null,
        string category = "good-person")
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
    public async Task<Guid> InPublicityAsync(Guid roundId, string? idNumber = null, string? unitCode = null,
        string category = "good-person")
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
