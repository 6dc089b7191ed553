using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;
using static Civility.Testing.KubernetesManifests;

namespace Civility.Deployment.Tests;

/// <summary>
/// deploy/kubernetes rendered by <c>kubectl kustomize</c> (the base and both overlays) and checked without a cluster:
/// every object valid against the Kubernetes API, every component there with what it needs to run and be run.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    /// <summary>The API services behind the gateway, each with its own schema and role, on the broker.</summary>
    public static readonly string[] ApiServices = ["volunteers", "moral-models", "credit", "pairing", "webhooks"];

    /// <summary>Every component that runs as a Deployment with a Service.</summary>
    public static readonly string[] Components = ["identity", .. ApiServices, "portal", "gateway"];

    /// <summary>The components that own a schema, which the migration Job migrates.</summary>
    public static readonly string[] WithDatabase = ["identity", .. ApiServices];

    /// <summary>
    /// Peak resident set of each process after the benchmark loads (bench/README.md, "Memory"; bench/results/2026-11-29.md, the
    /// portal and the webhook service from the run of 2026-12-08):
    /// a container asks for at least that much memory.
    /// </summary>
    private static readonly Dictionary<string, int> MeasuredPeakMiB = new()
    {
        ["volunteers"] = 389, ["pairing"] = 353, ["credit"] = 284, ["moral-models"] = 282, ["identity"] = 182, ["gateway"] = 173,
        ["portal"] = 213, ["webhooks"] = 248,
    };

    public static TheoryData<string> AllKustomizations => [.. Kustomizations];

    public static TheoryData<string> AllOverlays => [.. Overlays];

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Every_object_is_valid_against_the_Kubernetes_API_schemas_and_field_lists(string kustomization)
    {
        var manifests = Render(kustomization);
        var result = ManifestValidator.Validate(manifests.Yaml);

        Assert.Equal("1.36", result.KubernetesVersion);
        Assert.Equal(manifests.Objects.Count, result.ObjectCount);
        Assert.True(result.Problems.Count == 0, $"{kustomization}:\n{string.Join('\n', result.Problems)}");
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Every_component_has_a_Deployment_and_a_Service_that_selects_its_pods_on_its_http_port(string kustomization)
    {
        var manifests = Render(kustomization);
        foreach (var component in Components)
        {
            var deployment = manifests.Find("Deployment", component);
            Assert.True(deployment is not null, $"{kustomization}: no Deployment {component}");
            var container = Assert.Single(Containers(deployment));
            var port = Assert.Single(container["ports"]!.AsArray());
            Assert.Equal(("http", 8080), ((string)port!["name"]!, (int)port["containerPort"]!));

            var service = manifests.Find("Service", component);
            Assert.True(service is not null, $"{kustomization}: no Service {component}");
            Assert.True(Selects(service["spec"]!["selector"]!.AsObject(), PodLabels(deployment)),
                $"{kustomization}: Service {component} does not select the pods of Deployment {component}");
            var servicePort = Assert.Single(service["spec"]!["ports"]!.AsArray());
            Assert.Equal((80, "http"), ((int)servicePort!["port"]!, servicePort["targetPort"]?.ToString()));
        }
        Assert.Empty(manifests.OfKind("Deployment").Select(Name).Except(Components));
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void The_gateway_alone_is_exposed_and_has_an_autoscaler_on_CPU_and_a_disruption_budget(string kustomization)
    {
        var manifests = Render(kustomization);
        var exposed = manifests.OfKind("Service").Where(s => (string?)s["spec"]!["type"] is "LoadBalancer" or "NodePort").Select(Name);
        Assert.Equal(["gateway"], exposed);
        Assert.Empty(manifests.OfKind("Ingress"));

        var gateway = manifests.Find("Deployment", "gateway")!;
        var autoscaler = Assert.Single(manifests.OfKind("HorizontalPodAutoscaler"));
        Assert.Equal("autoscaling/v2", (string)autoscaler["apiVersion"]!);
        Assert.Equal(("Deployment", "gateway"),
            ((string)autoscaler["spec"]!["scaleTargetRef"]!["kind"]!, (string)autoscaler["spec"]!["scaleTargetRef"]!["name"]!));
        Assert.Contains(autoscaler["spec"]!["metrics"]!.AsArray(), m => (string?)m!["resource"]?["name"] == "cpu");
        Assert.True((int)autoscaler["spec"]!["maxReplicas"]! > (int)autoscaler["spec"]!["minReplicas"]!);
        Assert.True(Container(gateway)["resources"]?["requests"]?["cpu"] is not null, "the autoscaler counts CPU against a request");
        Assert.True(gateway["spec"]!["replicas"] is null, "the autoscaler, not the Deployment, sets the gateway's replicas");

        Assert.Contains(manifests.OfKind("PodDisruptionBudget"),
            b => Selects(b["spec"]!["selector"]!["matchLabels"]!.AsObject(), PodLabels(gateway)));
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void The_migration_Job_migrates_every_schema_with_its_own_role_while_the_services_wait_for_it(string kustomization)
    {
        var manifests = Render(kustomization);
        var job = manifests.Find("Job", "migrations");
        Assert.True(job is not null, $"{kustomization}: no Job migrations");
        Assert.True(job["spec"]!["ttlSecondsAfterFinished"] is not null,
            "a finished Job goes away by itself, so that a later release may run it again");
        Assert.Contains((string)PodSpec(job)["restartPolicy"]!, new[] { "Never", "OnFailure" });
        var configuration = manifests.Configuration(Container(job));
        foreach (var service in WithDatabase)
        {
            // The app host hands the step each connection under the service's name spelled as an identifier (moral_models).
            var key = $"ConnectionStrings__{service.Replace('-', '_')}";
            Assert.True(configuration.TryGetValue(key, out var entry), $"the Job has no {key}");
            Assert.Equal($"Secret civility-database, key {service}", entry.Source);
        }
        Assert.Equal(WithDatabase.Length, configuration.Keys.Count(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)));

        foreach (var service in WithDatabase)
        {
            var settings = manifests.Configuration(Container(manifests.Find("Deployment", service)!));
            Assert.Equal("External", settings.GetValueOrDefault("Database__Migrations")?.Value);
            Assert.Equal($"Secret civility-database, key {service}", settings["ConnectionStrings__database"].Source);
        }
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Every_component_is_ready_on_health_alive_on_alive_and_given_time_to_start(string kustomization)
    {
        var manifests = Render(kustomization);
        foreach (var component in Components)
        {
            var container = Container(manifests.Find("Deployment", component)!);
            AssertProbe(container, "readinessProbe", "/health", component);
            AssertProbe(container, "livenessProbe", "/alive", component);
            var startup = AssertProbe(container, "startupProbe", "/alive", component);
            var patience = TimeSpan.FromSeconds((int)startup["periodSeconds"]! * (int)startup["failureThreshold"]!);
            // A service waits for the migration Job before it listens: minutes, not the liveness probe's seconds.
            var needed = WithDatabase.Contains(component) ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(1);
            Assert.True(patience >= needed, $"{kustomization}: {component} gets {patience} to start, fewer than {needed}");
        }
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Every_container_requests_and_is_limited_in_cpu_and_memory_at_least_its_measured_peak(string kustomization)
    {
        var manifests = Render(kustomization);
        foreach (var workload in manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")))
        {
            var name = Name(workload);
            var resources = Container(workload)["resources"];
            foreach (var kind in new[] { "cpu", "memory" })
            {
                var request = resources?["requests"]?[kind];
                var limit = resources?["limits"]?[kind];
                Assert.True(request is not null && limit is not null, $"{kustomization}: {name} has no {kind} request and limit");
                Assert.True(Quantity((string)request!) <= Quantity((string)limit!),
                    $"{kustomization}: {name} requests more {kind} than its limit");
            }
            if (MeasuredPeakMiB.TryGetValue(name, out var peak))
            {
                var requested = Quantity((string)resources!["requests"]!["memory"]!) / (1024 * 1024);
                Assert.True(requested >= peak, $"{kustomization}: {name} requests {requested} MiB, below its measured peak of {peak} MiB");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Every_pod_runs_as_a_non_root_user_read_only_without_capabilities_or_service_account_token(string kustomization)
    {
        var manifests = Render(kustomization);
        foreach (var workload in manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")))
        {
            var name = Name(workload);
            var pod = PodSpec(workload);
            Assert.True((bool?)pod["securityContext"]?["runAsNonRoot"] == true, $"{name}: runAsNonRoot");
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]?["seccompProfile"]?["type"]);
            Assert.True((bool?)pod["automountServiceAccountToken"] == false, $"{name}: no API token is mounted");
            var container = Container(workload);
            var security = container["securityContext"];
            Assert.True((bool?)security?["allowPrivilegeEscalation"] == false, $"{name}: allowPrivilegeEscalation");
            Assert.True((bool?)security?["readOnlyRootFilesystem"] == true, $"{name}: readOnlyRootFilesystem");
            Assert.Equal(["ALL"], security?["capabilities"]?["drop"]?.AsArray().Select(c => (string)c!) ?? []);
            var tmp = container["volumeMounts"]?.AsArray().SingleOrDefault(m => (string?)m!["mountPath"] == "/tmp");
            Assert.True(tmp is not null, $"{name}: /tmp is writable");
            Assert.Contains(pod["volumes"]!.AsArray(), v => (string?)v!["name"] == (string)tmp["name"]! && v["emptyDir"] is not null);
        }
    }

    [Fact]
    public void A_small_county_runs_one_replica_of_each_component()
    {
        var manifests = Render(SmallCounty);
        foreach (var component in Components)
            Assert.True(Replicas(manifests, component) == 1, $"{component}: {Replicas(manifests, component)} replicas in a small county");
    }

    [Fact]
    public void High_availability_runs_two_or_more_of_each_spread_over_nodes_with_a_disruption_budget_each()
    {
        var manifests = Render(HighAvailability);
        var budgets = manifests.OfKind("PodDisruptionBudget").ToList();
        foreach (var component in Components)
        {
            var deployment = manifests.Find("Deployment", component)!;
            Assert.True(Replicas(manifests, component) >= 2, $"{component}: {Replicas(manifests, component)} replicas");
            var budget = Assert.Single(budgets, b => Selects(b["spec"]!["selector"]!["matchLabels"]!.AsObject(), PodLabels(deployment)));
            Assert.True(budget["spec"]!["maxUnavailable"] is not null || budget["spec"]!["minAvailable"] is not null);
            var spread = PodSpec(deployment)["topologySpreadConstraints"]?.AsArray() ?? [];
            Assert.Contains(spread, s => (string?)s!["topologyKey"] == "kubernetes.io/hostname"
                && (string?)s["whenUnsatisfiable"] == "DoNotSchedule"
                && Selects(s["labelSelector"]!["matchLabels"]!.AsObject(), PodLabels(deployment)));
        }
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Images_are_civility_component_and_an_overlay_names_the_release(string kustomization)
    {
        var manifests = Render(kustomization);
        foreach (var workload in manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")))
        {
            var image = (string)Container(workload)["image"]!;
            var colon = image.LastIndexOf(':');
            var (repository, tag) = colon < 0 ? (image, null) : (image[..colon], image[(colon + 1)..]);
            Assert.Equal($"civility/{Name(workload)}", repository);
            if (kustomization != Base) Assert.True(tag is { Length: > 0 } and not "latest", $"{kustomization}: {image} names no release");
        }
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Only_the_gateway_takes_traffic_from_outside_the_namespace_and_every_service_may_reach_the_token_server(string kustomization)
    {
        var manifests = Render(kustomization);
        var policies = manifests.OfKind("NetworkPolicy").ToList();
        Assert.Contains(policies, p => p["spec"]!["podSelector"]!.AsObject().Count == 0 && p["spec"]!["ingress"] is null
            && p["spec"]!["policyTypes"]!.AsArray().Any(t => (string?)t == "Ingress"));
        foreach (var component in Components)
        {
            var labels = PodLabels(manifests.Find("Deployment", component)!);
            var mine = policies.Where(p => Matches(p["spec"]!["podSelector"]!.AsObject(), labels)).ToList();
            var rules = mine.SelectMany(p => p["spec"]!["ingress"]?.AsArray() ?? []).Select(r => r!.AsObject()).ToList();
            Assert.True(rules.Count > 0, $"{kustomization}: nothing may reach {component}");
            var fromAnywhere = rules.Any(r => r["from"] is null);
            Assert.True(fromAnywhere == (component == "gateway"), $"{kustomization}: {component} open to anyone: {fromAnywhere}");
            if (component == "identity")
            {
                foreach (var caller in ApiServices.Append("gateway"))
                {
                    var callerLabels = PodLabels(manifests.Find("Deployment", caller)!);
                    var allowed = rules.Any(r => r["from"]!.AsArray()
                        .Any(f => f!["podSelector"] is { } s && Matches(s.AsObject(), callerLabels)));
                    Assert.True(allowed,
                        $"{kustomization}: {caller} cannot reach the token server");
                }
            }
        }
    }

    [Fact]
    public void The_overlays_give_every_container_the_base_configuration_keys()
    {
        var baseline = Keys(Render(Base));
        foreach (var overlay in Overlays) Assert.Equal(baseline, Keys(Render(overlay)));

        static IReadOnlyDictionary<string, string> Keys(KubernetesManifests manifests) =>
            manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")).ToDictionary(Name,
                w => string.Join(' ', manifests.Configuration(Container(w)).Keys.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// CI renders with the kubectl it has, possibly Debian 12's 1.20 with kustomize v2.0.3: every kustomization keeps to
    /// the fields that version knows (no replicas, patches, labels or components), whatever kubectl this machine has.
    /// </summary>
    [Fact]
    public void Every_kustomization_uses_only_what_kustomize_v2_0_3_knows()
    {
        string[] known = ["resources", "bases", "patchesStrategicMerge", "patchesJson6902", "commonLabels", "commonAnnotations", "images",
            "configMapGenerator", "secretGenerator", "generatorOptions", "namespace", "namePrefix", "nameSuffix", "vars", "crds"];
        foreach (var file in KustomizationFiles())
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            var fields = ((YamlMappingNode)stream.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);
            Assert.Empty(fields.Except(known));
            var generators = ((YamlMappingNode)stream.Documents[0].RootNode).Children
                .Where(c => ((YamlScalarNode)c.Key).Value == "configMapGenerator").SelectMany(c => ((YamlSequenceNode)c.Value).Children);
            foreach (var generator in generators)
                Assert.Empty(((YamlMappingNode)generator).Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
                    .Except(["name", "behavior", "env", "files", "literals"]));
        }
    }

    private static JsonObject Container(JsonObject workload) => Assert.Single(Containers(workload));

    private static string[] KustomizationFiles() =>
        [.. System.IO.Directory.GetFiles(KubernetesManifests.Directory, "kustomization.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal))];

    private static JsonObject PodLabels(JsonObject workload) => workload["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

    private static bool Selects(JsonObject selector, JsonObject labels) =>
        selector.Count > 0 && selector.All(s => (string?)labels[s.Key] == (string?)s.Value);

    /// <summary>A label selector (matchLabels and matchExpressions with In) against a pod's labels; empty matches all.</summary>
    private static bool Matches(JsonObject selector, JsonObject labels) =>
        (selector["matchLabels"]?.AsObject() ?? []).All(s => (string?)labels[s.Key] == (string?)s.Value)
        && (selector["matchExpressions"]?.AsArray() ?? []).All(e => (string?)e!["operator"] == "In"
            && e["values"]!.AsArray().Any(v => (string?)v == (string?)labels[(string)e["key"]!]));

    /// <summary>The replicas a component starts with: its autoscaler's minimum where it has one, else the Deployment's.</summary>
    private static int Replicas(KubernetesManifests manifests, string component)
    {
        var autoscaler = manifests.OfKind("HorizontalPodAutoscaler")
            .SingleOrDefault(h => (string?)h["spec"]!["scaleTargetRef"]!["name"] == component);
        return autoscaler is not null
            ? (int)autoscaler["spec"]!["minReplicas"]!
            : (int?)manifests.Find("Deployment", component)!["spec"]!["replicas"] ?? 1;
    }

    private static JsonObject AssertProbe(JsonObject container, string probe, string path, string component)
    {
        var found = container[probe]?.AsObject();
        Assert.True(found is not null, $"{component} has no {probe}");
        Assert.Equal((path, "http"), ((string?)found["httpGet"]?["path"], found["httpGet"]?["port"]?.ToString()));
        return found;
    }

    /// <summary>A Kubernetes quantity as a number (bytes, cores): 400Mi, 1Gi, 100m, 1.</summary>
    private static decimal Quantity(string text)
    {
        (string Suffix, decimal Factor)[] suffixes =
            [("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("m", 0.001m), ("", 1m)];
        var (suffix, factor) = suffixes.First(s => text.EndsWith(s.Suffix, StringComparison.Ordinal));
        return decimal.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
    }
}
