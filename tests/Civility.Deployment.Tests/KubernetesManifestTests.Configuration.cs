using System.Text.Json.Nodes;
using static Civility.Testing.KubernetesManifests;

namespace Civility.Deployment.Tests;

/// <summary>What the pods are given: Secrets referenced, never rendered, and documented; ConfigMaps and discovery names.</summary>
public sealed partial class KubernetesManifestTests
{
    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void No_Secret_is_rendered_and_every_Secret_referenced_is_documented_with_its_keys(string kustomization)
    {
        var manifests = Render(kustomization);
        Assert.Empty(manifests.OfKind("Secret").Select(Name));
        var readme = File.ReadAllText(Path.Combine(SecretsDirectory, "README.md"));
        foreach (var workload in manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")))
        {
            var container = Container(workload);
            var references = (container["env"]?.AsArray() ?? []).Select(e => e!["valueFrom"]?["secretKeyRef"]).OfType<JsonNode>()
                .Select(r => ((string)r["name"]!, (string?)r["key"]))
                .Concat((container["envFrom"]?.AsArray() ?? []).Select(e => e!["secretRef"]?["name"]).OfType<JsonNode>()
                    .Select(n => ((string)n!, (string?)null)));
            foreach (var (secret, key) in references)
            {
                Assert.True(readme.Contains($"`{secret}`", StringComparison.Ordinal),
                    $"{Name(workload)}: Secret {secret} is not in secrets/README.md");
                var documented = ExampleSecretKeys(secret);
                if (key is null)
                    Assert.True(documented.Count > 0, $"{Name(workload)}: Secret {secret} has no {secret}.example.env listing its keys");
                else
                    Assert.True(documented.Contains(key) || readme.Contains($"`{key}`", StringComparison.Ordinal),
                        $"{Name(workload)}: key {key} of Secret {secret} is documented nowhere");
            }
        }
    }

    [Fact]
    public void The_placeholder_secret_files_hold_placeholders_and_no_kustomization_uses_them()
    {
        var files = System.IO.Directory.GetFiles(SecretsDirectory, "*.example.env");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var line in File.ReadAllLines(file).Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')))
            {
                var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
                var secretPart = key.EndsWith("__Scopes", StringComparison.Ordinal) || key.EndsWith("__UnitId", StringComparison.Ordinal);
                Assert.True(secretPart || value.Contains("CHANGE-ME", StringComparison.Ordinal),
                    $"{Path.GetFileName(file)}: {key} is no placeholder");
            }
        }
        foreach (var kustomization in KustomizationFiles())
            Assert.DoesNotContain(".example.env", File.ReadAllText(kustomization), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllKustomizations))]
    public void Every_ConfigMap_referenced_is_rendered_and_every_discovery_name_is_a_Service_on_port_80(string kustomization)
    {
        var manifests = Render(kustomization);
        foreach (var workload in manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")))
        {
            var container = Container(workload);
            foreach (var reference in (container["envFrom"]?.AsArray() ?? []).Select(e => e!["configMapRef"]?["name"]).OfType<JsonNode>())
                Assert.True(manifests.Find("ConfigMap", (string)reference!) is not null, $"{Name(workload)}: no ConfigMap {reference}");

            // services__<name>__http__0 for service discovery; <NAME>_HTTP, the other name the app host gives a reference.
            var discovery = manifests.Configuration(container).Values
                .Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal) || e.Key.EndsWith("_HTTP", StringComparison.Ordinal))
                .ToList();
            Assert.True(Name(workload) == "migrations" || discovery.Count > 0, $"{Name(workload)} finds no service");
            foreach (var entry in discovery)
            {
                var target = entry.Key.StartsWith("services__", StringComparison.Ordinal)
                    ? entry.Key.Split("__")[1]
                    : entry.Key[..^"_HTTP".Length].ToLowerInvariant().Replace('_', '-');
                Assert.Contains(entry.Key, new[] { $"services__{target}__http__0", $"{target.ToUpperInvariant().Replace('-', '_')}_HTTP" });
                Assert.Equal($"http://{target}", entry.Value);
                var service = manifests.Find("Service", target);
                Assert.True(service is not null, $"{entry.Key} names no Service");
                Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => (int)p!["port"]! == 80);
            }
        }
        var gateway = manifests.Configuration(Container(manifests.Find("Deployment", "gateway")!));
        foreach (var component in Components.Except(["gateway"]))
        {
            Assert.True(gateway.ContainsKey($"services__{component}__http__0"), $"the gateway cannot find {component}");
            Assert.True(gateway.ContainsKey($"{component.ToUpperInvariant().Replace('-', '_')}_HTTP"), $"no {component} address");
        }
    }
}
