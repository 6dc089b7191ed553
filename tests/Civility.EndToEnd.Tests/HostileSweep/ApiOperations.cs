using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civility.EndToEnd.Tests.HostileSweep;

/// <summary>A parameter of an operation: where it goes (path or query), its name and its schema.</summary>
public sealed record ApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>One operation of a service's OpenAPI document, with its body's schema ($refs resolved) when it takes JSON.</summary>
public sealed record ApiOperation(string Service, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonNode? Body,
    bool AllowsAnonymous)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations out of the documents the services publish (as the gateway serves them).</summary>
public static class ApiOperations
{
    public static async Task<List<ApiOperation>> ReadAsync(HttpClient gateway, string service)
    {
        var document = JsonNode.Parse(await gateway.GetStringAsync($"/openapi/{service}.json"))!;
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" || operation is null) continue;
                var parameters = (operation["parameters"]?.AsArray() ?? []).Concat(item["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(document, p)!)
                    .Select(p => new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        Resolve(document, p["schema"])))
                    .Where(p => p.In is "path" or "query")
                    .ToList();
                var body = Resolve(document, operation["requestBody"])?["content"]?["application/json"]?["schema"];
                var anonymous = operation["security"] is JsonArray { Count: 0 };
                operations.Add(new ApiOperation(service, method.ToUpperInvariant(), path, parameters,
                    Inline(document, body, 0), anonymous));
            }
        }
        return operations;
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        while ((node as JsonObject)?["$ref"]?.GetValue<string>() is { } reference)
        {
            node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
                node = (node as JsonObject)?[part.Replace("~1", "/").Replace("~0", "~")];
        }
        return node;
    }

    /// <summary>The schema with every $ref replaced by what it names, to a depth that covers the request shapes.</summary>
    private static JsonNode? Inline(JsonNode document, JsonNode? schema, int depth)
    {
        schema = Resolve(document, schema);
        if (schema is null || depth > 6) return schema?.DeepClone();
        if (schema is JsonObject obj)
        {
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
                copy[key] = value is JsonObject or JsonArray ? Inline(document, value, depth + 1) : value?.DeepClone();
            return copy;
        }
        if (schema is JsonArray array) return new JsonArray([.. array.Select(e => Inline(document, e, depth + 1))]);
        return schema.DeepClone();
    }

    /// <summary>The JSON types a schema allows ("string", "integer", …), however the document spells them.</summary>
    public static HashSet<string> Types(JsonNode? schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        switch (Get(schema, "type"))
        {
            case JsonValue value when value.TryGetValue<string>(out var single): types.Add(single); break;
            case JsonArray many: foreach (var t in many) if (t?.GetValue<string>() is { } name) types.Add(name); break;
        }
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            foreach (var option in (Get(schema, key) as JsonArray) ?? []) types.UnionWith(Types(option));
        if (types.Count == 0 && Get(schema, "properties") is not null) types.Add("object");
        types.Remove("null");
        return types;
    }

    public static JsonObject? Properties(JsonNode? schema) =>
        Get(schema, "properties") as JsonObject
        ?? ((Get(schema, "allOf") ?? Get(schema, "oneOf") ?? Get(schema, "anyOf")) as JsonArray)?.Select(Properties)
            .FirstOrDefault(p => p is not null);

    public static string? Format(JsonNode? schema) =>
        (Get(schema, "format") as JsonValue)?.GetValue<string>()
        ?? ((Get(schema, "oneOf") ?? Get(schema, "anyOf")) as JsonArray)?.Select(Format).FirstOrDefault(f => f is not null);

    /// <summary>A keyword of a schema; null when the node is not an object (a boolean schema, a list).</summary>
    public static JsonNode? Get(JsonNode? schema, string keyword) => schema is JsonObject obj ? obj[keyword] : null;

    public static JsonElement AsElement(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
