using Microsoft.Extensions.Configuration;

namespace Civility.AppHost;

internal static class Replicas
{
    /// <summary>
    /// <c>Scale:Replicas=N</c> (default 1) runs N replicas of every long-running project: the services, the token
    /// server, the gateway, the portal. Each replica listens on a port of its own behind the orchestrator's proxy,
    /// which spreads calls over them; the dashboard lists each replica. One replica is served without that proxy
    /// (<see cref="ProjectDefaults.ServeProjectsWithoutEndpointProxies"/>): it would only add a hop.
    /// </summary>
    public static IDistributedApplicationBuilder RunReplicasWhenAsked(this IDistributedApplicationBuilder builder)
    {
        var replicas = Count(builder.Configuration);
        if (replicas == 1) return builder.ServeProjectsWithoutEndpointProxies();
        foreach (var project in builder.Resources.OfType<ProjectResource>()
            .Where(p => !p.HasAnnotationOfType<RunsOnceAnnotation>()).ToList())
            builder.CreateResourceBuilder(project).WithReplicas(replicas);
        return builder;
    }

    public static int Count(IConfiguration configuration)
    {
        var configured = configuration["Scale:Replicas"];
        if (string.IsNullOrEmpty(configured)) return 1;
        return int.TryParse(configured, out var replicas) && replicas is >= 1 and <= 8
            ? replicas
            : throw new InvalidOperationException($"Scale:Replicas is '{configured}': give a number of replicas from 1 to 8.");
    }
}
