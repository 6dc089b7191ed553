using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// The app host and the Kubernetes manifests (deploy/kubernetes) run the same product: every project the app host
/// starts has its workload in the manifests, and every configuration key the app host gives it (as the running
/// resource's environment shows it) is given there too, by <c>env</c>, a ConfigMap or a Secret, with the same value where
/// the value is not a secret or a property of the site.
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class KubernetesConfigurationTests(CivilityAppFixture fixture)
{
    /// <summary>Projects of the app host that are development tools, not part of a deployment.</summary>
    private static readonly string[] DevelopmentTools = ["demo-data"];

    /// <summary>
    /// Keys that are not the product's configuration, left out of the comparison (a trailing * for a prefix):
    /// <list type="bullet">
    /// <item>what the orchestrator sets to run processes on this machine and show them on its dashboard: their addresses
    /// (<c>ASPNETCORE_URLS</c>, <c>HTTP_PORTS</c>; the manifests set <c>ASPNETCORE_HTTP_PORTS</c>), the runtime's and its own
    /// switches (<c>DOTNET_*</c>: the launch profile, colours; <c>ASPIRE_*</c>; console log formatting), and the
    /// dashboard's telemetry settings (its API key, export every second, exemplars, every trace sampled, URL queries and
    /// generative-AI messages unredacted);</item>
    /// <item>development-only settings: the key folder of the token server (the manifests give the key itself,
    /// <c>Identity__SigningKeyPem</c>) and a moved clock, which a service refuses outside Development and Testing;</item>
    /// <item>this suite's own test conditions (CivilityAppFixture): a county year in minutes (no statement period, a
    /// publicity window that closes as it opens) and every public request from one address.</item>
    /// </list>
    /// </summary>
    private static readonly string[] NotProductConfiguration =
    [
        "ASPNETCORE_URLS", "HTTP_PORTS", "DOTNET_*", "ASPIRE_*", "LOGGING__CONSOLE__*",
        "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_BLRP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL",
        "OTEL_METRICS_EXEMPLAR_FILTER", "OTEL_TRACES_SAMPLER*", "OTEL_DOTNET_EXPERIMENTAL_*", "OTEL_INSTRUMENTATION_GENAI_*",
        "Identity__KeyDirectory", "Clock__Offset", "Clock__Now",
        "CreditList__StatementPeriodWorkingDays", "MoralModels__MinimumPublicityDays", "MoralModels__PublicLimits__*",
    ];

    /// <summary>
    /// Keys whose values belong to the site, not the product, so only the key is compared: the environment's name,
    /// where each component (<c>services__&lt;name&gt;__http__0</c>, <c>&lt;NAME&gt;_HTTP</c>) and the telemetry collector are
    /// found, the process's identity in telemetry, whose forwarded addresses are believed, the gateway's limits (raised for
    /// this suite) and the SMS gateway's address. A leading or trailing * stands for any text.
    /// </summary>
    private static readonly string[] SiteValues =
    [
        "ASPNETCORE_ENVIRONMENT", "services__*", "*_HTTP", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_RESOURCE_ATTRIBUTES", "Network__TrustedProxies__*", "RateLimits__*", "Sms__Endpoint",
    ];

    /// <summary>
    /// Sections whose entries each site names itself: the token server's clients. The app host's development clients and
    /// the manifests' placeholder ones differ by name; a key is given when the manifests give it for some client.
    /// </summary>
    private static readonly string[] SiteNamedEntries = ["Identity__Clients"];

    [Theory]
    [InlineData(KubernetesManifests.SmallCounty)]
    [InlineData(KubernetesManifests.HighAvailability)]
    public void Every_project_of_the_app_host_has_its_workload_with_the_same_configuration_keys(string overlay)
    {
        var manifests = KubernetesManifests.Render(overlay);
        var projects = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>()
            .Select(p => p.Name).Except(DevelopmentTools).ToList();
        Assert.Contains("gateway", projects);

        var problems = new List<string>();
        foreach (var project in projects)
        {
            var workload = manifests.Workload(project);
            if (workload is null)
            {
                problems.Add($"{project}: no Deployment or Job {project} in {overlay}");
                continue;
            }
            var provided = manifests.Configuration(Assert.Single(KubernetesManifests.Containers(workload)));
            foreach (var (key, value) in AppHostConfiguration(project))
            {
                if (Matches(key, NotProductConfiguration)) continue;
                var entry = provided.GetValueOrDefault(key)
                    ?? provided.Values.FirstOrDefault(p => string.Equals(Shape(p.Key), Shape(key), StringComparison.OrdinalIgnoreCase));
                if (entry is null)
                    problems.Add($"{project}: {key} is not given by the manifests");
                else if (Compared(key, entry) && entry.Value != value)
                    problems.Add($"{project}: {key} is '{value}' in the app host, '{entry.Value}' in the manifests ({entry.Source})");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The app host's settings for a running project: its environment as the orchestrator started it.</summary>
    private List<(string Key, string? Value)> AppHostConfiguration(string project)
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(project, out var state), $"{project} has no state");
        var variables = state.Snapshot.EnvironmentVariables.Where(v => v.IsFromSpec).Select(v => (v.Name, v.Value)).ToList();
        Assert.True(variables.Count > 0, $"{project}: its snapshot shows no environment");
        return variables;
    }

    /// <summary>A value is compared unless it is a secret, the site's, or given for another entry of the same shape.</summary>
    private static bool Compared(string key, ConfigurationEntry entry) =>
        !entry.IsSecret && !Matches(key, SiteValues) && entry.Key.Equals(key, StringComparison.OrdinalIgnoreCase);

    private static bool Matches(string key, IEnumerable<string> patterns) => patterns.Any(pattern => pattern switch
    {
        ['*', .. var end] => key.EndsWith(end, StringComparison.Ordinal),
        [.. var start, '*'] => key.StartsWith(start, StringComparison.OrdinalIgnoreCase),
        _ => key.Equals(pattern, StringComparison.OrdinalIgnoreCase),
    });

    /// <summary>
    /// A key with the site's own choices taken out: an array's index (<c>Network__TrustedProxies__0</c>: a site lists as
    /// many as it has) and the name of a site-named entry (<c>Identity__Clients__&lt;client&gt;__Scopes</c>).
    /// </summary>
    private static string Shape(string key)
    {
        var segments = key.Split("__");
        if (segments[^1].All(char.IsAsciiDigit)) segments[^1] = "#";
        foreach (var section in SiteNamedEntries)
        {
            var depth = section.Split("__").Length;
            if (segments.Length > depth && string.Join("__", segments[..depth]).Equals(section, StringComparison.OrdinalIgnoreCase))
                segments[depth] = "*";
        }
        return string.Join("__", segments);
    }
}
