using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IPNetwork = System.Net.IPNetwork;

namespace Civility.ServiceDefaults.Network;

/// <summary>
/// Who the caller is, by address: <c>X-Forwarded-For</c> counts only when it comes from a proxy listed under
/// <c>Network:TrustedProxies</c> (addresses or CIDR networks). Anyone else's header is ignored, so a caller cannot
/// pick a fresh rate-limit bucket by writing a header; and behind a listed proxy (a county's load balancer) every
/// resident has a bucket of their own instead of sharing the proxy's.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Network:TrustedProxies";

    /// <param name="fallback">Trusted when nothing is configured: the gateway trusts no one, a service the gateway in front of it.</param>
    public static TBuilder AddTrustedProxies<TBuilder>(this TBuilder builder, params string[] fallback)
        where TBuilder : IHostApplicationBuilder
    {
        var configured = builder.Configuration.GetSection(Section).Get<string[]>();
        var entries = configured is { Length: > 0 } ? configured : fallback;
        var parsed = entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Parse(e.Trim())).ToList();
        builder.Services.AddSingleton(new Trusted(parsed.Count));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // Walk the header from the right while each hop is trusted: a chain of listed proxies is followed, and the
            // first address not listed is the caller, whatever the caller wrote to the left of it.
            options.ForwardLimit = null;
            foreach (var (address, network) in parsed)
            {
                if (address is not null) options.KnownProxies.Add(address);
                if (network is { } n) options.KnownIPNetworks.Add(n);
            }
        });
        return builder;
    }

    /// <summary>Loopback, where the gateway runs when the app host starts everything on one machine.</summary>
    public static readonly string[] Loopback = ["127.0.0.1", "::1"];

    private static (IPAddress? Address, IPNetwork? Network) Parse(string entry)
    {
        if (entry.Contains('/'))
        {
            return IPNetwork.TryParse(entry, out var network)
                ? (null, network)
                : throw new InvalidOperationException($"{Section}: '{entry}' is not a CIDR network such as 10.0.0.0/8.");
        }
        return IPAddress.TryParse(entry, out var address)
            ? (address, null)
            : throw new InvalidOperationException($"{Section}: '{entry}' is not an IP address.");
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        // With no proxy listed the middleware would believe every sender (it checks the lists only when one is set).
        if (app.Services.GetService<Trusted>() is { Count: > 0 }) app.UseForwardedHeaders();
        return app;
    }

    private sealed record Trusted(int Count);
}
