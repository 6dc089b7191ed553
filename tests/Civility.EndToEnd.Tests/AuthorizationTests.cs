using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Civility.EndToEnd.Tests;

[Collection(CivilityAppCollection.Name)]
public sealed class AuthorizationTests(CivilityAppFixture fixture)
{
    /// <summary>One read per service, in the order of <see cref="CivilityAppFixture.Services"/>.</summary>
    private static readonly string[] ReadPaths =
        ["/api/volunteers/units", "/api/moral-models/rounds", $"/api/credit/subjects/{Guid.Empty}", "/api/pairing/places",
         "/api/webhooks/subscriptions"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task No_token_answers_401_with_problem_details(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Trace-Id"));
    }

    public static TheoryData<string> Paths() => [.. ReadPaths];

    [Fact]
    public async Task A_direct_call_to_a_service_without_a_token_answers_401()
    {
        foreach (var service in CivilityAppFixture.Services)
        {
            using var direct = fixture.App.CreateHttpClient(service, "http");
            using var response = await direct.GetAsync(ReadPaths[Array.IndexOf(CivilityAppFixture.Services, service)]);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_token_without_the_scope_answers_403()
    {
        using var partner = await fixture.ClientAsync("partner-readonly");
        using var read = await partner.GetAsync("/api/pairing/places");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var write = await partner.PostAsJsonAsync("/api/pairing/places", new { kind = "village", name = "X", township = "Y" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        // A token asked for with one scope only carries that one.
        using var narrow = await fixture.ClientAsync("civility-admin", "pairing.read");
        using var moral = await narrow.GetAsync("/api/moral-models/rounds");
        Assert.True(moral.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {moral.StatusCode}");
    }

    [Fact]
    public async Task The_credit_list_internal_views_are_for_the_credit_office_only()
    {
        string[] internalViews = ["/api/credit/entries", "/api/credit/objections", "/api/credit/repairs", "/api/credit/subjects"];
        using var office = await fixture.ClientAsync("credit-office");
        using var partner = await fixture.ClientAsync("partner-readonly");
        using var unit = await fixture.ClientAsync("unit-a");
        foreach (var path in internalViews)
        {
            using var allowed = await office.GetAsync(path);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"credit-office {path}: {allowed.StatusCode}");
            foreach (var (name, client) in new[] { ("partner-readonly", partner), ("unit-a", unit) })
            {
                using var refused = await client.GetAsync(path);
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{name} {path}: {refused.StatusCode}");
            }
        }
        // What they keep: the measures in force against a subject (404 for one that does not exist, not 403).
        using var measures = await partner.GetAsync($"/api/credit/subjects/{Guid.NewGuid()}/measures");
        Assert.Equal(HttpStatusCode.NotFound, measures.StatusCode);
    }

    [Fact]
    public async Task A_partner_app_reads_its_own_webhook_subscriptions_and_no_other_and_manages_none()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        using var created = await admin.PostAsJsonAsync("/api/webhooks/subscriptions", new
        {
            ownerClientId = "publicity-app", targetUrl = $"http://127.0.0.1:9/publicity-{TestData.Token()}",
            eventTypes = new[] { "ListingDeadlineRecounted" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = subscription.GetProperty("id").GetGuid();
        Assert.StartsWith("whsec_", subscription.GetProperty("secret").GetString());

        using var owner = await fixture.ClientAsync("publicity-app");
        using var own = await owner.GetAsync($"/api/webhooks/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False((await own.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("secret", out _));
        using var log = await owner.GetAsync($"/api/webhooks/subscriptions/{id}/deliveries");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        using var pause = await owner.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/pause", new { reason = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, pause.StatusCode);
        using var others = await owner.GetAsync("/api/volunteers/units");
        Assert.True(others.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {others.StatusCode}");

        using var partner = await fixture.ClientAsync("partner-readonly");
        using var theirs = await partner.GetAsync($"/api/webhooks/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);

        using var closed = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/close", new { reason = "test over" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_answers_401()
    {
        var token = await fixture.TokenAsync("civility-admin");
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["unit_id"] = JsonSerializer.SerializeToElement("UNIT-B");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithToken(tampered, "/api/volunteers/units"));
    }

    [Fact]
    public async Task An_expired_token_and_one_signed_by_a_stranger_answer_401()
    {
        var ourKey = RSA.Create();
        ourKey.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(fixture.DataDirectory, "identity", "token-signing-key.pem")));
        var expired = Sign(ourKey, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));
        var stranger = Sign(RSA.Create(2048), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1));
        var valid = Sign(ourKey, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithToken(expired, "/api/volunteers/units"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithToken(stranger, "/api/volunteers/units"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithToken(valid, "/api/volunteers/units")); // the control: only the defect is refused
    }

    [Fact]
    public async Task A_unit_scoped_client_sees_and_reaches_only_its_own_unit()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var unitA = await EnsureUnitAsync(admin, "UNIT-A");
        var unitB = await EnsureUnitAsync(admin, "UNIT-B");
        using var clientA = await fixture.ClientAsync("unit-a");

        using var own = await clientA.GetAsync($"/api/volunteers/units/{unitA}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var other = await clientA.GetAsync($"/api/volunteers/units/{unitB}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var listed = await clientA.GetFromJsonAsync<JsonElement>("/api/volunteers/units");
        Assert.All(listed.EnumerateArray(), unit => Assert.Equal("UNIT-A", unit.GetProperty("code").GetString()));
        using var create = await clientA.PostAsJsonAsync("/api/volunteers/units", new { code = "UNIT-Z", name = "Z" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Fields_a_client_may_not_set_are_not_bound_from_the_body()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var forgedId = Guid.NewGuid();
        using var created = await admin.PostAsJsonAsync("/api/volunteers/units",
            new { id = forgedId, code = $"F-{TestData.Token()}", name = "Forged", createdAt = "2000-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(forgedId, unit.GetProperty("id").GetGuid());
        Assert.True(unit.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task Every_write_leaves_an_audit_record_the_service_role_cannot_change()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var code = $"AUD-{TestData.Token()}".ToUpperInvariant();
        using var created = await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = "Audited" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var traceId = created.Headers.GetValues("X-Trace-Id").Single();

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/volunteers/audit?entity=Unit&entityId={id}");
        var record = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal("civility-admin", record.GetProperty("clientId").GetString());
        Assert.Equal("created", record.GetProperty("action").GetString());
        Assert.Equal(traceId, record.GetProperty("traceId").GetString());
        Assert.Contains(code, record.GetProperty("summary").GetString());

        using var partner = await fixture.ClientAsync("partner-readonly");
        using var forbidden = await partner.GetAsync("/api/volunteers/audit");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync("volunteers-db"));
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE volunteers.audit_records SET action = 'forged'", "DELETE FROM volunteers.audit_records",
                     "TRUNCATE volunteers.audit_records" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task An_oversized_body_answers_413()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var body = new string('x', 1024 * 1024 + 1);
        // Expect: 100-continue, as a careful client sends a large body: the gateway refuses on the declared length
        // before the body is sent (otherwise the refusal races the upload and the client may see a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/volunteers/units")
        {
            Content = new StringContent($"{{\"name\":\"{body}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("client_id", '\u0000')]
    [InlineData("client_id", '\u0001')]
    [InlineData("client_secret", '\u0000')]
    [InlineData("scope", '\u001b')]
    [InlineData("grant_type", '\u0000')]
    public async Task A_token_request_with_a_control_character_is_refused_as_a_bad_request(string field, char control)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "civility-admin",
            ["client_secret"] = await fixture.ClientSecretAsync("civility-admin"),
        };
        form[field] = (form.TryGetValue(field, out var value) ? value : "admin") + control;
        using var response = await fixture.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Too_many_anonymous_requests_from_one_address_answer_429_with_retry_after()
    {
        var address = $"203.0.113.{Random.Shared.Next(1, 254)}"; // its own partition, via the trusted loopback proxy
        HttpResponseMessage? limited = null;
        for (var i = 0; i < CivilityAppFixture.AnonymousPermits + 20 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/units");
            request.Headers.Add("X-Forwarded-For", address);
            var response = await fixture.Gateway.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        limited.Dispose();

        // Another address is not affected.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/units");
        other.Headers.Add("X-Forwarded-For", "198.51.100.9");
        using var fine = await fixture.Gateway.SendAsync(other);
        Assert.Equal(HttpStatusCode.Unauthorized, fine.StatusCode);
    }

    [Fact]
    public async Task The_docs_and_the_four_OpenAPI_documents_load()
    {
        using var docs = await fixture.Gateway.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
        foreach (var name in CivilityAppFixture.Services)
        {
            var document = await fixture.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{name}.json");
            Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
            Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("oauth2", out _));
            Assert.Contains(document.GetProperty("paths").EnumerateObject(),
                p => p.Name.StartsWith($"/api/{name}/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_stopped_service_answers_503_problem_details_with_a_trace_id()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var commands = fixture.App.ResourceCommands;
        await commands.ExecuteCommandAsync("pairing", "resource-stop");
        try
        {
            var response = await Polling.UntilAsync(async () =>
            {
                var attempt = await admin.GetAsync("/api/pairing/places");
                if (attempt.StatusCode == HttpStatusCode.ServiceUnavailable) return attempt;
                Assert.True(attempt.StatusCode is HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway or HttpStatusCode.OK,
                    $"while pairing stops: {attempt.StatusCode}");
                attempt.Dispose();
                return null;
            }, TimeSpan.FromSeconds(90), "the gateway notices pairing is gone");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        }
        finally
        {
            await commands.ExecuteCommandAsync("pairing", "resource-start");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            // Just after the command the resource may still read as exited: wait through that, not stop on it.
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(
                "pairing", WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
            await Polling.UntilAsync(async () =>
            {
                using var attempt = await admin.GetAsync("/api/pairing/places");
                return attempt.IsSuccessStatusCode ? "back" : null;
            }, TimeSpan.FromSeconds(60), "the gateway routes to pairing again");
        }
    }

    private async Task<HttpStatusCode> StatusWithToken(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Gateway.SendAsync(request);
        return response.StatusCode;
    }

    private static string Sign(RSA key, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://identity/",
            Audience = "volunteers",
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["scope"] = "admin volunteers.read",
                ["client_id"] = "civility-admin",
                ["sub"] = "civility-admin",
            },
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(key) { KeyId = Convert.ToHexString(SHA256.HashData(key.ExportRSAPublicKey()))[..16] },
                SecurityAlgorithms.RsaSha256),
        });

    private static async Task<Guid> EnsureUnitAsync(HttpClient admin, string code)
    {
        using var created = await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = $"Unit {code}" });
        if (created.StatusCode == HttpStatusCode.Created)
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/volunteers/units");
        return all.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }
}
