using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Civility.Hosting.Http;

/// <summary>
/// How large a request body may be, per endpoint. The gateway's routes carry the same figures
/// (gateway/Civility.Gateway/appsettings.json, checked by a test), so the gateway refuses what the service would
/// refuse, before forwarding it, instead of passing a body the service then refuses half-way through.
/// </summary>
public static class BodyLimits
{
    /// <summary>Every endpoint that does not say otherwise (Kestrel's limit, <c>Http:MaxRequestBodyBytes</c>).</summary>
    public const long Default = 1024L * 1024;

    /// <summary>Bulk CSV imports, which stream far more than other requests.</summary>
    public const long Import = 512L * 1024 * 1024;

    /// <summary>Raises or lowers the body limit of one endpoint; routing applies it before the handler reads the body.</summary>
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder endpoint, long bytes) =>
        endpoint.WithMetadata(new BodyLimit(bytes));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
