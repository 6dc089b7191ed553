using Civility.AppHost.Infrastructure;

namespace Civility.AppHost;

internal static class MigrationStep
{
    /// <summary>
    /// The migration step (tools/Civility.Migrations): applies every service's migrations once per start of the stack,
    /// each with the service's own role, and finishes. Every service given its database by
    /// <see cref="CivilityInfrastructureExtensions.WithServiceDatabase"/> hands the step its connection string and
    /// waits for the step to complete, so however many replicas run, none migrates and none runs on an old schema.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddMigrationStep(
        this IDistributedApplicationBuilder builder, CivilityInfrastructure infra)
    {
        var step = builder.AddProject<Projects.Civility_Migrations>("migrations")
            .WaitFor(infra.Postgres)
            // It has no launch profile: it runs in the app host's environment.
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithAnnotation(new RunsOnceAnnotation())
            .WithQuickShutdown();
        infra.MigrationStep = step;
        return step;
    }
}

/// <summary>A project that does its work and exits (the migration step, the demo data): never run as replicas.</summary>
internal sealed class RunsOnceAnnotation : IResourceAnnotation;
