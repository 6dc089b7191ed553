using System.Globalization;
using System.Threading.RateLimiting;
using Civility.ServiceDefaults.Authentication;
using Civility.ServiceDefaults.Network;

namespace Civility.Gateway;

/// <summary>How many requests a caller may make per window before 429; set under <c>RateLimits</c>.</summary>
public sealed class RateLimitSettings
{
    public int AuthenticatedPermits { get; set; } = 6000;

    public int AnonymousPermits { get; set; } = 300;

    /// <summary>Token requests of one client id that has been issued a token before (a token lasts an hour).</summary>
    public int TokenPermitsPerClient { get; set; } = 60;

    /// <summary>Token requests from one address naming a client id not issued a token yet (first requests, wrong ids).</summary>
    public int NewClientTokenPermitsPerAddress { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimiting
{
    /// <summary>
    /// Per client id when the caller shows a valid token, per client address when not (anonymous public endpoints);
    /// token requests in buckets of their own (<see cref="TokenRequests"/>). The address is the one
    /// <see cref="Civility.ServiceDefaults.Network.TrustedProxies"/> settles on. Runs before the proxy, so a rejected
    /// request never reaches a service.
    /// </summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton<TokenRequests>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive"))
                    return RateLimitPartition.GetNoLimiter("probes");
                var address = CallerAddress.LimitKey(context);
                if (TokenRequests.IsTokenRequest(context))
                {
                    return context.RequestServices.GetRequiredService<TokenRequests>().KnownClientId(context) is { } known
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            $"token-client:{known}", _ => Window(settings.TokenPermitsPerClient, settings.Window))
                        : RateLimitPartition.GetFixedWindowLimiter(
                            $"token-address:{address}", _ => Window(settings.NewClientTokenPermitsPerAddress, settings.Window));
                }
                var caller = CallerContext.From(context.User);
                return caller.ClientId is { } clientId
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"client:{clientId}", _ => Window(settings.AuthenticatedPermits, settings.Window))
                    : RateLimitPartition.GetFixedWindowLimiter(
                        $"address:{address}", _ => Window(settings.AnonymousPermits, settings.Window));
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                        title: "Too many requests.",
                        detail: $"The limit is reached; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
