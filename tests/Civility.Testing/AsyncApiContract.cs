using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Civility.Testing;

/// <summary>
/// docs/asyncapi.yaml read as a partner reads it: the exchange of each event, and a JSON Schema validator for what
/// arrives on a queue (MassTransit's envelope, and the event inside it against the event's payload schema). The event
/// schemas are checked strictly: a property the document does not name is an error, as it would surprise a partner.
/// </summary>
public sealed class AsyncApiContract
{
    private readonly JsonObject _schemas;
    private readonly Dictionary<string, JsonSchema> _compiled = new(StringComparer.Ordinal);
    private static readonly BuildOptions Build = new() { SchemaRegistry = new SchemaRegistry() };

    private AsyncApiContract(JsonObject document)
    {
        Document = document;
        _schemas = document["components"]!["schemas"]!.AsObject();
        Channels = document["channels"]!.AsObject().ToDictionary(c => c.Key, c => (string)c.Value!["address"]!, StringComparer.Ordinal);
    }

    public JsonObject Document { get; }

    /// <summary>Each event type's name and the exchange it is published to.</summary>
    public IReadOnlyDictionary<string, string> Channels { get; }

    public static AsyncApiContract Load() =>
        new(ToJson(LoadYaml(Path.Combine(RepositoryRoot(), "docs", "asyncapi.yaml")))!.AsObject());

    /// <summary>What is wrong with a message body as it arrived from the broker, for the event type named; empty when nothing.</summary>
    public IReadOnlyList<string> Validate(string eventType, ReadOnlySpan<byte> body)
    {
        using var envelope = JsonDocument.Parse(body.ToArray());
        var errors = Errors("Envelope", envelope.RootElement, strict: false).Select(e => $"envelope {e}").ToList();
        if (!envelope.RootElement.TryGetProperty("message", out var message)) return [.. errors, "envelope: no 'message'"];
        errors.AddRange(Errors(eventType, message, strict: true).Select(e => $"message{e}"));
        return errors;
    }

    /// <summary>
    /// What is wrong with an event's JSON on its own (as a webhook delivers it, without the broker's envelope) for the
    /// event type named: checked strictly against its payload schema; empty when nothing.
    /// </summary>
    public IReadOnlyList<string> ValidateEvent(string eventType, ReadOnlySpan<byte> payload)
    {
        using var message = JsonDocument.Parse(payload.ToArray());
        return [.. Errors(eventType, message.RootElement, strict: true)];
    }

    private IEnumerable<string> Errors(string schemaName, JsonElement instance, bool strict)
    {
        var schema = Schema(schemaName, strict);
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Keyword: e.Key, Text: $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")))
            .ToList();
        // A failing part of an allOf keeps none of its annotations, so unevaluatedProperties then names every property:
        // report it only when it is the whole story (a property the document does not name).
        var causes = errors.Where(e => e.Keyword != "unevaluatedProperties").ToList();
        return (causes.Count > 0 ? causes : errors).Select(e => e.Text).DefaultIfEmpty($"{schemaName}: not valid").ToList();
    }

    private JsonSchema Schema(string name, bool strict)
    {
        var key = $"{name}/{strict}";
        lock (_compiled)
        {
            if (_compiled.TryGetValue(key, out var compiled)) return compiled;
            if (!_schemas.ContainsKey(name)) throw new InvalidOperationException($"docs/asyncapi.yaml has no schema named {name}.");
            var definitions = new JsonObject();
            foreach (var (schemaName, schema) in _schemas)
            {
                var copy = RewriteReferences(schema!.DeepClone());
                // Records nested in events (a subject, a participant) are strict too; the base event is strict through each event.
                if (strict && copy is JsonObject { } record && record["properties"] is not null && record["allOf"] is null
                    && schemaName is not ("IntegrationEvent" or "Envelope"))
                    record["unevaluatedProperties"] = false;
                definitions[schemaName] = copy;
            }
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = $"https://civility.invalid/asyncapi/{name}/{strict}",
                ["$defs"] = definitions,
                ["$ref"] = $"#/$defs/{name}",
            };
            if (strict) root["unevaluatedProperties"] = false;
            return _compiled[key] = JsonSchema.FromText(root.ToJsonString(), Build);
        }
    }

    static AsyncApiContract()
    {
        // Formats the document uses beside the standard ones.
        FormatRegistry.Global.Register(new PredicateFormat("int32", e => e.ValueKind != JsonValueKind.Number || e.TryGetInt32(out _)));
        FormatRegistry.Global.Register(new PredicateFormat("int64", e => e.ValueKind != JsonValueKind.Number || e.TryGetInt64(out _)));
    }

    private static JsonNode RewriteReferences(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>() is var target
                        && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                        obj[key] = $"#/$defs/{target["#/components/schemas/".Length..]}";
                    else if (value is not null) RewriteReferences(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array) if (item is not null) RewriteReferences(item);
                break;
        }
        return node;
    }

    private static YamlNode LoadYaml(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    /// <summary>YAML to JSON as a YAML 1.2 reader would: quoted scalars are strings, plain ones may be numbers, booleans, null.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "null" or "~" => null,
        _ when long.TryParse(value, out var integer) => JsonValue.Create(integer),
        _ when decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) && value.Contains('.')
            => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Civility.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Civility.sln not found above the test binaries.");
    }
}
