using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading.RateLimiting;
using Civility.ServiceDefaults.Network;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Civility.MoralModels.Endpoints;

/// <summary>
/// Velocity limits of the anonymous endpoints (votes, codes, objections): per client address and per nomination,
/// fixed windows from <see cref="PublicLimitOptions"/>. The address is the one the service sees after the forwarded
/// headers (the gateway's X-Forwarded-For). The limiters are in memory: per replica (see the options). A refusal is a
/// 429 problem with Retry-After, counted by <c>civility.public.throttled</c> {endpoint, reason}.
/// </summary>
public sealed class PublicLimits : IDisposable
{
    public const string Votes = "votes", VoteCodes = "vote-codes", Objections = "objections";

    public const string ByAddress = "address", ByNomination = "nomination", ByPhone = "phone";

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly Counter<long> _throttled;

    public PublicLimits(IOptions<MoralModelsOptions> options, IMeterFactory meters)
    {
        var limits = options.Value.PublicLimits;
        _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        {
            var parts = key.Split('|', 3);
            var endpoint = parts[0] switch { Votes => limits.Votes, VoteCodes => limits.VoteCodes, _ => limits.Objections };
            var limit = parts[1] == ByAddress ? endpoint.PerAddress : endpoint.PerNomination;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.Permits), Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
            });
        });
        _throttled = meters.Create("Civility.MoralModels").CreateCounter<long>("civility.public.throttled", "{request}",
            "Public requests refused for going too fast, by endpoint and by what was over its limit.");
    }

    /// <summary>Counts a refusal decided elsewhere (the per-phone code throttle, kept in the database).</summary>
    public void CountThrottled(string endpoint, string reason) =>
        _throttled.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The 429 every throttle answers.</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext http, TimeSpan retryAfter, string detail)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many requests.", detail: $"{detail} Try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>The refusal for this request, or null when it is within both limits.</summary>
    public IResult? Check(HttpContext http, string endpoint)
    {
        var nomination = http.Request.RouteValues.TryGetValue("id", out var id) ? Convert.ToString(id, CultureInfo.InvariantCulture) : null;
        foreach (var (reason, key) in new[] { (ByAddress, CallerAddress.LimitKey(http)), (ByNomination, nomination ?? "-") })
        {
            using var lease = _limiter.AttemptAcquire($"{endpoint}|{reason}|{key}");
            if (lease.IsAcquired) continue;
            CountThrottled(endpoint, reason);
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            return TooManyRequests(http, wait, reason == ByAddress
                ? "Too many requests from your address."
                : "This nomination is receiving too many requests.");
        }
        return null;
    }


    public void Dispose() => _limiter.Dispose();
}

public static class PublicLimitsEndpointExtensions
{
    /// <summary>
    /// Puts the endpoint under the public limits of <paramref name="endpoint"/> (one of the <see cref="PublicLimits"/> names).
    /// </summary>
    public static RouteHandlerBuilder WithPublicLimits(this RouteHandlerBuilder builder, string endpoint) =>
        builder.AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<PublicLimits>().Check(context.HttpContext, endpoint)
                    ?? await next(context))
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
