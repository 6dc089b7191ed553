using System.Globalization;
using System.Threading.RateLimiting;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Civility.Gateway;

/// <summary>How many requests a caller may make per window before 429; set under <c>RateLimits</c>.</summary>
public sealed class RateLimitSettings
{
    public int AuthenticatedPermits { get; set; } = 6000;

    public int AnonymousPermits { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimiting
{
    /// <summary>
    /// Per client id when the caller shows a valid token, per client address when not (anonymous public endpoints,
    /// token requests). Runs before the proxy, so a rejected request never reaches a service.
    /// </summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive"))
                    return RateLimitPartition.GetNoLimiter("probes");
                var caller = CallerContext.From(context.User);
                return caller.ClientId is { } clientId
                    ? RateLimitPartition.GetFixedWindowLimiter($"client:{clientId}", _ => Window(settings.AuthenticatedPermits, settings.Window))
                    : RateLimitPartition.GetFixedWindowLimiter($"address:{context.Connection.RemoteIpAddress}", _ => Window(settings.AnonymousPermits, settings.Window));
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
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
