using System.Reflection;
using System.Runtime.Versioning;

namespace Civility.AppHost;

internal static class DirectLaunch
{
    /// <summary>
    /// Starts every project as <c>dotnet &lt;built assembly&gt;</c> instead of <c>dotnet run --no-build</c>: the same
    /// build output, without an MSBuild evaluation per process (six of them would compete for the same cores during
    /// start-up; bench/README.md has the cost). A project whose assembly is not built in the app host's configuration
    /// keeps <c>dotnet run</c>, which reports what is missing.
    /// </summary>
    public static IDistributedApplicationBuilder StartProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var projectDirectory = Path.GetDirectoryName(projectPath)!;
            var assembly = Path.Combine(projectDirectory, "bin", Configuration, TargetFramework,
                Path.GetFileNameWithoutExtension(projectPath) + ".dll");
            if (!File.Exists(assembly)) continue;
            builder.CreateResourceBuilder(project)
                .WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = projectDirectory },
                    ResourceAnnotationMutationBehavior.Replace)
                .WithArgs(assembly);
        }
        return builder;
    }

    // The services are built with the app host (project references), so they share its configuration and framework.
    private static string Configuration =>
        typeof(DirectLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    // The app host's own target framework: AppContext's names the entry assembly's, which under a test runner is the
    // runner's, and every project then fell back to `dotnet run` in the end-to-end tests.
    private static string TargetFramework =>
        typeof(DirectLaunch).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName is { } name
            ? $"net{new FrameworkName(name).Version.ToString(2)}"
            : "";
}
