using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Civility.EndToEnd.Tests;

/// <summary>Rate-limit buckets and body limits at the gateway, as a hostile or a heavy caller meets them.</summary>
[Collection(CivilityAppCollection.Name)]
public sealed class GatewayLimitsTests(CivilityAppFixture fixture)
{
    [Fact]
    public async Task A_flood_from_one_address_leaves_a_county_systems_token_requests_alone()
    {
        const string clientId = "civility-admin";
        var secret = await fixture.ClientSecretAsync(clientId);
        var address = $"192.0.2.{Random.Shared.Next(1, 254)}"; // one proxy's address, shared by everyone behind it
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret, address));

        // Someone behind the same proxy empties the anonymous bucket, then the bucket of token requests that the
        // gateway cannot put to a client (a known id with a made-up secret)...
        Assert.True(await FloodUntilLimitedAsync(() => Send(HttpMethod.Get, "/api/volunteers/units", address),
            CivilityAppFixture.AnonymousPermits + 20));
        Assert.True(await FloodUntilLimitedAsync(() => TokenRequest(clientId, "guessed-secret", address), 200));

        // ...and the county system still gets its token: its requests are counted in its own bucket.
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret, address));
    }

    [Fact]
    public async Task A_volunteer_import_over_the_default_limit_passes_the_gateway_and_the_service()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var csv = new StringBuilder("name,id_number,unit_code,is_staff\n");
        var lines = 0;
        while (csv.Length <= 2 * 1024 * 1024)
        {
            csv.Append("某某,12345,NO-SUCH-UNIT-AT-ALL,true\n"); // not an ID number: each line is refused, nothing is written
            lines++;
        }
        using var response = await admin.PostAsync("/api/volunteers/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(lines, report.GetProperty("rows").GetInt32());
        Assert.Equal(lines, report.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task A_body_streamed_without_a_length_past_the_limit_answers_413()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var body = Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('x', 1024 * 1024)}\"}}");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/volunteers/units") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private HttpRequestMessage TokenRequest(string clientId, string secret, string address)
    {
        var request = Send(HttpMethod.Post, "/connect/token", address);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        });
        return request;
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret, string address)
    {
        using var request = TokenRequest(clientId, secret, address);
        using var response = await fixture.Gateway.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, string address)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }

    private async Task<bool> FloodUntilLimitedAsync(Func<HttpRequestMessage> next, int atMost)
    {
        for (var i = 0; i < atMost; i++)
        {
            using var request = next();
            using var response = await fixture.Gateway.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return true;
        }
        return false;
    }
}
