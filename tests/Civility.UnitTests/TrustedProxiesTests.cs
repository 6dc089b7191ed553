using System.Net;
using Civility.ServiceDefaults.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Civility.UnitTests;

/// <summary>Which address a request comes from, on a real Kestrel, with and without trusted proxies.</summary>
public sealed class TrustedProxiesTests
{
    [Fact]
    public async Task With_no_trusted_proxy_a_forwarded_header_is_ignored()
    {
        await using var app = await StartAsync(configured: null);
        Assert.Equal("127.0.0.1", await CallerAsync(app, forwardedFor: "203.0.113.7"));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_caller_is_the_address_it_forwards()
    {
        await using var app = await StartAsync(configured: ["127.0.0.1"]);
        Assert.Equal("203.0.113.7", await CallerAsync(app, forwardedFor: "203.0.113.7"));
        Assert.Equal("127.0.0.1", await CallerAsync(app, forwardedFor: null));
    }

    [Fact]
    public async Task What_the_caller_writes_left_of_the_trusted_proxys_entry_does_not_count()
    {
        await using var app = await StartAsync(configured: ["127.0.0.0/8"]);
        // The proxy appended the address it saw; "198.51.100.1" is whatever the caller sent in its own header.
        Assert.Equal("203.0.113.7", await CallerAsync(app, forwardedFor: "198.51.100.1, 203.0.113.7"));
    }

    [Fact]
    public async Task A_chain_of_trusted_proxies_is_followed_to_the_first_untrusted_address()
    {
        await using var app = await StartAsync(configured: ["127.0.0.1", "10.0.0.0/8"]);
        Assert.Equal("203.0.113.7", await CallerAsync(app, forwardedFor: "198.51.100.1, 203.0.113.7, 10.1.2.3"));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("10.0.0.0/99")]
    public void A_misconfigured_proxy_stops_the_start_with_its_name(string entry)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[$"{TrustedProxies.Section}:0"] = entry;
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddTrustedProxies());
        Assert.Contains(entry, error.Message);
    }

    private static async Task<WebApplication> StartAsync(string[]? configured)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        for (var i = 0; configured is not null && i < configured.Length; i++)
            builder.Configuration[$"{TrustedProxies.Section}:{i}"] = configured[i];
        builder.AddTrustedProxies();
        var app = builder.Build();
        app.UseTrustedProxies();
        app.MapGet("/caller", (HttpContext context) => context.Connection.RemoteIpAddress?.MapToIPv4().ToString());
        await app.StartAsync();
        return app;
    }

    private static async Task<string> CallerAsync(WebApplication app, string? forwardedFor)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/caller");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
