using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civility.AppHost;

internal static class ProjectDefaults
{
    /// <summary>
    /// Aspire asks the OTLP exporters to retry in memory; at shutdown they keep retrying after the dashboard is gone
    /// and the orchestrator has to kill the process. Without it a stop takes seconds, not a kill timeout.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithQuickShutdown(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"));

    /// <summary>Finds the token server by service discovery (for its signing keys) and starts after it.</summary>
    public static IResourceBuilder<ProjectResource> WithTokenValidation(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity) =>
        service.WithReference(identity).WaitFor(identity);

    /// <summary>The services the gateway routes to: it finds each by service discovery, and starts once all are healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithRoutesTo(
        this IResourceBuilder<ProjectResource> gateway, params IResourceBuilder<ProjectResource>[] services)
    {
        foreach (var service in services) gateway.WithReference(service).WaitFor(service);
        return gateway;
    }

    /// <summary>
    /// The gateway listens on a fixed port (Gateway:Port, default 5080; "random" takes any free one, as the tests do) so
    /// the README's curl lines work; its rate limits (Gateway:RateLimits:*) and trusted proxies (Gateway:TrustedProxies:*)
    /// can be set from the app host's configuration.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewaySettings(this IResourceBuilder<ProjectResource> gateway)
    {
        var configuration = gateway.ApplicationBuilder.Configuration;
        foreach (var limit in configuration.GetSection("Gateway:RateLimits").GetChildren())
            gateway.WithEnvironment($"RateLimits__{limit.Key}", limit.Value);
        // The proxies in front of the gateway whose X-Forwarded-For it believes (a county's load balancer); none by default.
        foreach (var proxy in configuration.GetSection("Gateway:TrustedProxies").GetChildren())
            gateway.WithEnvironment($"Network__TrustedProxies__{proxy.Key}", proxy.Value);
        var configured = configuration["Gateway:Port"];
        return gateway.WithEndpoint("http", endpoint => endpoint.Port = configured is "random" ? null
            : int.TryParse(configured, out var port) ? port : 5080);
    }

    /// <summary>
    /// The portal's settings from the app host's configuration: <c>Portal:ShowUnitTargets</c> (each unit's figures on the
    /// home page, published by the volunteer service only then), <c>Portal:CacheSeconds</c>, <c>Portal:FormLimits:*</c>;
    /// and <c>Portal:PublicUrl</c>, the address residents reach the portal by, which the volunteer service prints in a
    /// certificate's QR code (without it, the address the certificate was asked for by, i.e. the gateway's).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPortalSettings(this IResourceBuilder<ProjectResource> portal,
        IResourceBuilder<ProjectResource> volunteers)
    {
        var configuration = portal.ApplicationBuilder.Configuration;
        var showUnits = configuration.GetValue("Portal:ShowUnitTargets", false) ? "true" : "false";
        portal.WithEnvironment("Portal__ShowUnitTargets", showUnits);
        volunteers.WithEnvironment("Volunteers__PublicUnitTargets", showUnits);
        if (configuration["Portal:CacheSeconds"] is { } seconds) portal.WithEnvironment("Portal__CacheSeconds", seconds);
        foreach (var limit in configuration.GetSection("Portal:FormLimits").GetChildren())
            portal.WithEnvironment($"Portal__FormLimits__{limit.Key}", limit.Value);
        if (configuration["Portal:PublicUrl"] is { Length: > 0 } publicUrl) volunteers.WithEnvironment("Portal__PublicUrl", publicUrl);
        return portal;
    }

    /// <summary>Prints the gateway's address once it is healthy (Aspire prints the dashboard's login link itself).</summary>
    public static IResourceBuilder<ProjectResource> AnnounceWhenReady(this IResourceBuilder<ProjectResource> gateway) =>
        gateway.OnResourceReady((resource, evt, _) =>
        {
            var logger = evt.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Civility");
            var url = resource.GetEndpoint("http").Url;
            logger.LogInformation("Civility is up. Gateway: {GatewayUrl}  (try: curl {GatewayUrl}/api/volunteers/units)", url, url);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Each project listens on its endpoints itself rather than behind the orchestrator's proxy: one replica each, so
    /// the proxy only added a hop and its CPU to every call (a call through the gateway crossed two; a fifth more
    /// votes per second without them). Internal endpoints take any free port (the launch profiles' fixed ports
    /// would collide with a second stack, e.g. the tests' next to a running one); external ones keep theirs.
    /// </summary>
    public static IDistributedApplicationBuilder ServeProjectsWithoutEndpointProxies(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            foreach (var endpoint in project.Annotations.OfType<EndpointAnnotation>())
            {
                endpoint.IsProxied = false;
                if (!endpoint.IsExternal) endpoint.Port = null;
            }
        }
        return builder;
    }
}
