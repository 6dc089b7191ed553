using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Civility.Testing;

/// <summary>
/// Civility's Kubernetes manifests (<c>deploy/kubernetes</c>) as <c>kubectl kustomize</c> renders one of their
/// kustomizations, with what each container is given as configuration.
/// </summary>
public sealed class KubernetesManifests
{
    public const string Base = "base", SmallCounty = "overlays/small-county", HighAvailability = "overlays/high-availability";

    public static readonly string[] Kustomizations = [Base, SmallCounty, HighAvailability];

    /// <summary>The overlays an operator applies (the base is not meant to be applied alone).</summary>
    public static readonly string[] Overlays = [SmallCounty, HighAvailability];

    private KubernetesManifests(string kustomization, string yaml, IReadOnlyList<JsonObject> objects)
    {
        Kustomization = kustomization;
        Yaml = yaml;
        Objects = objects;
    }

    public string Kustomization { get; }

    /// <summary>The rendered YAML, as kubectl printed it.</summary>
    public string Yaml { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public static string Directory => Path.Combine(LocalServers.RepositoryRoot(), "deploy", "kubernetes");

    /// <summary>Where the placeholder files of the Secrets the operator creates are (<c>&lt;secret&gt;.example.env</c>).</summary>
    public static string SecretsDirectory => Path.Combine(Directory, "secrets");

    private static readonly Dictionary<string, KubernetesManifests> Rendered = [];

    /// <summary>Renders a kustomization (<see cref="Kustomizations"/>) once per test run.</summary>
    public static KubernetesManifests Render(string kustomization)
    {
        lock (Rendered)
        {
            if (Rendered.TryGetValue(kustomization, out var done)) return done;
            var yaml = Kubectl("kustomize", Path.Combine(Directory, kustomization));
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var objects = stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonObject>().ToList();
            return Rendered[kustomization] = new KubernetesManifests(kustomization, yaml, objects);
        }
    }

    /// <summary>
    /// kubectl: <c>$KUBECTL</c> when set (to render with another version), else the first on the PATH. Its kustomize
    /// renders the manifests; no cluster is needed.
    /// </summary>
    public static string KubectlPath()
    {
        if (Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"KUBECTL is {configured}: no such file.");
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            "kubectl is not on the PATH, and the Kubernetes manifests are rendered with 'kubectl kustomize'. Install it " +
            "(Debian: apt-get install kubernetes-client; .ci/run does) or set KUBECTL to its path.");
    }

    private static string Kubectl(params string[] arguments)
    {
        var start = new ProcessStartInfo(KubectlPath()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output;
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(o => Name(o) == name);

    public static string Name(JsonObject o) => (string)o["metadata"]!["name"]!;

    /// <summary>The Deployment or the Job of that name: what runs a component.</summary>
    public JsonObject? Workload(string name) => Find("Deployment", name) ?? Find("Job", name);

    public static JsonObject PodSpec(JsonObject workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    public static IEnumerable<JsonObject> Containers(JsonObject workload) =>
        PodSpec(workload)["containers"]!.AsArray().Select(c => c!.AsObject());

    /// <summary>
    /// Every configuration key a container gets (environment variables, which .NET reads as configuration), with its
    /// value as the container sees it: a ConfigMap's keys (envFrom), a Secret's (envFrom: the keys of its placeholder file
    /// in <see cref="SecretsDirectory"/>; a Secret's values are never known), then <c>env</c>, each later one winning.
    /// </summary>
    public IReadOnlyDictionary<string, ConfigurationEntry> Configuration(JsonObject container)
    {
        var entries = new Dictionary<string, ConfigurationEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in container["envFrom"]?.AsArray() ?? new JsonArray())
        {
            if (source?["configMapRef"]?["name"] is { } configMap)
            {
                var map = Find("ConfigMap", (string)configMap!);
                foreach (var (key, value) in map?["data"]?.AsObject() ?? new JsonObject())
                    entries[key] = new(key, value?.ToString() ?? "", $"ConfigMap {configMap}", IsSecret: false);
            }
            if (source?["secretRef"]?["name"] is { } secret)
            {
                foreach (var key in ExampleSecretKeys((string)secret!))
                    entries[key] = new(key, null, $"Secret {secret} (its keys)", IsSecret: true);
            }
        }
        foreach (var variable in container["env"]?.AsArray() ?? new JsonArray())
        {
            var name = (string)variable!["name"]!;
            if (variable["valueFrom"]?["secretKeyRef"] is { } secretKey)
                entries[name] = new(name, null, $"Secret {secretKey["name"]}, key {secretKey["key"]}", IsSecret: true);
            else if (variable["valueFrom"]?["configMapKeyRef"] is { } configMapKey)
                entries[name] = new(name, (string?)Find("ConfigMap", (string)configMapKey["name"]!)?["data"]?[(string)configMapKey["key"]!],
                    $"ConfigMap {configMapKey["name"]}, key {configMapKey["key"]}", IsSecret: false);
            else if (variable["valueFrom"] is not null)
                entries[name] = new(name, null, "the pod's own fields", IsSecret: false);
            else
                entries[name] = new(name, (string?)variable["value"] ?? "", "env", IsSecret: false);
        }
        return entries;
    }

    /// <summary>The keys of a Secret the operator creates, as its placeholder file lists them (empty when there is none).</summary>
    public static IReadOnlyList<string> ExampleSecretKeys(string secret)
    {
        var file = Path.Combine(SecretsDirectory, $"{secret}.example.env");
        if (!File.Exists(file)) return [];
        return [.. File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .Select(l => l[..l.IndexOf('=')])];
    }

    /// <summary>YAML to JSON as kubectl meant it: quoted scalars are strings, plain ones may be numbers, booleans, null.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "" or "null" or "~" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            // Parsed as JSON, so that the value reads as any numeric type ((int)node, (long)node).
            var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => JsonNode.Parse(text),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };
}

/// <summary>One configuration key of a container: its value (null when it comes from a Secret) and where it comes from.</summary>
public sealed record ConfigurationEntry(string Key, string? Value, string Source, bool IsSecret);
