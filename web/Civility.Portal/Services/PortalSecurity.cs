using System.Globalization;
using System.Threading.RateLimiting;
using Civility.ServiceDefaults.Network;

namespace Civility.Portal.Services;

public static class PortalSecurity
{
    /// <summary>
    /// A strict Content-Security-Policy: only this site's own files (no inline script or style anywhere, so neither
    /// 'unsafe-inline' nor nonces), images also as data URIs, forms posting only here, no framing; the referrer never
    /// leaves the site, so a query string never reaches anyone else.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    });

    public const string FormsPolicy = "forms";

    /// <summary>
    /// Every POST (votes, codes, objections, queries) under a fixed window per visitor address
    /// (<c>Portal:FormLimits</c>), before the services' own per-address and per-nomination limits; pages that only read
    /// are limited by the gateway. A refusal is a 429 page saying when to try again.
    /// </summary>
    public static IServiceCollection AddFormLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue("Portal:FormLimits:PermitsPerAddress", 20));
        var window = configuration.GetValue("Portal:FormLimits:Window", TimeSpan.FromMinutes(1));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter($"form:{CallerAddress.LimitKey(context)}",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
                        })
                    : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

}
