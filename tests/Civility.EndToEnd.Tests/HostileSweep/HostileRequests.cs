using System.Text;
using System.Text.Json.Nodes;

namespace Civility.EndToEnd.Tests.HostileSweep;

/// <summary>A request of the sweep: what it tries (for the failure message), its URL and its body (raw JSON text, or none).</summary>
public sealed record HostileRequest(ApiOperation Operation, string Variant, string Url, string? Body);

/// <summary>
/// The hostile requests for an operation: each path and query value replaced by hostile text, and, for the body,
/// broken or deep JSON and each field (top level, and of a list's first element) given a hostile value while the
/// rest stays plausible.
/// </summary>
public static class HostileRequests
{
    /// <summary>Written into the JSON text as a lone surrogate escape, which no JSON writer produces.</summary>
    private const string LoneSurrogate = "\u0001LONE-SURROGATE\u0001";

    private const string HugeNumber = "\u0001HUGE-NUMBER\u0001";

    private static readonly string[] UrlValues =
        ["%00", "a%00b", "%1F", "%ED%A0%80", "-1", "0", "2147483648", "99999999999999999999999", "1e308", "NaN", "0001-01-01", "9999-12-31",
         "2026-02-30", "x", "%27%20OR%201%3D1--", new string('x', 4_000)];

    private static readonly string[] PathValues = ["%00", "a%00b", "%ED%A0%80", "-1", "99999999999999999999999", "x", "..%2F..%2Fetc"];

    private static readonly string[] BrokenBodies =
        ["{", "[", "null", "\"text\"", "12", "[]", "{\"a\":", "{}",
         string.Concat(Enumerable.Repeat("[", 500)) + string.Concat(Enumerable.Repeat("]", 500)),
         "{\"x\":" + string.Concat(Enumerable.Repeat("{\"x\":", 200)) + "1" + new string('}', 201)];

    private static JsonNode?[] FieldValues() =>
    [
        null, "\u0000", "a\u0000b", "\u001b[31m", LoneSurrogate, new string('x', 100_000), "", "   ",
        -1, 0, 2147483648L, -2147483649L, 1e308, HugeNumber,
        "0001-01-01", "9999-12-31", "2026-02-30", "not a value", true,
        new JsonObject(), new JsonArray(), new JsonArray(JsonValue.Create("x")),
    ];

    public static IEnumerable<HostileRequest> For(ApiOperation operation, bool everyField)
    {
        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.In == "path" ? PathValues : UrlValues;
            foreach (var value in values)
                yield return new(operation, $"{parameter.In} {parameter.Name}={Short(value)}", Url(operation, parameter.Name, value),
                    PlausibleBodyText(operation));
        }
        if (operation.Body is null)
        {
            yield return new(operation, "as documented", Url(operation, null, null), null);
            yield break;
        }
        var url = Url(operation, null, null);
        yield return new(operation, "plausible body", url, PlausibleBodyText(operation));
        foreach (var broken in BrokenBodies) yield return new(operation, $"body {Short(broken)}", url, broken);
        if (!everyField) yield break;
        foreach (var (path, schema) in Fields(operation.Body, ""))
        {
            foreach (var value in FieldValues())
                yield return new(operation, $"body {path}={Short(value?.ToJsonString() ?? "null")}", url,
                    Text(With(operation.Body, path, value)));
            if (ApiOperations.Types(schema).Contains("array"))
            {
                var many = new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => Plausible(ApiOperations.Get(schema, "items"), 0))]);
                yield return new(operation, $"body {path}=10,000 elements", url, Text(With(operation.Body, path, many)));
                yield return new(operation, $"body {path}=[null]", url, Text(With(operation.Body, path, new JsonArray((JsonNode?)null))));
            }
        }
    }

    private static string? PlausibleBodyText(ApiOperation operation) => operation.Body is null ? null : Text(Plausible(operation.Body, 0));

    /// <summary>The body's fields: its own, and those of the first element of a list of objects ("volunteers[0].hours").</summary>
    private static IEnumerable<(string Path, JsonNode Schema)> Fields(JsonNode schema, string prefix)
    {
        foreach (var (name, property) in ApiOperations.Properties(schema) ?? [])
        {
            if (property is null) continue;
            var path = prefix + name;
            yield return (path, property);
            if (prefix.Length == 0 && ApiOperations.Types(property).Contains("array")
                && ApiOperations.Properties(ApiOperations.Get(property, "items")) is not null)
                foreach (var inner in Fields(ApiOperations.Get(property, "items")!, $"{path}[0]."))
                    yield return inner;
        }
    }

    private static JsonNode? With(JsonNode schema, string path, JsonNode? value)
    {
        var body = Plausible(schema, 0)!;
        var parts = path.Split('.');
        JsonNode target = body;
        foreach (var part in parts[..^1])
        {
            var name = part[..part.IndexOf('[', StringComparison.Ordinal)];
            target = target[name]![0]!;
        }
        target[parts[^1]] = value;
        return body;
    }

    /// <summary>A value the schema accepts, as a careful client would send it.</summary>
    public static JsonNode? Plausible(JsonNode? schema, int depth)
    {
        if (ApiOperations.Get(schema, "enum") is JsonArray { Count: > 0 } options) return options[0]?.DeepClone();
        var types = ApiOperations.Types(schema);
        var format = ApiOperations.Format(schema);
        if (types.Contains("object") && depth < 5)
        {
            var obj = new JsonObject();
            foreach (var (name, property) in ApiOperations.Properties(schema) ?? []) obj[name] = Plausible(property, depth + 1);
            return obj;
        }
        if (types.Contains("array"))
            return depth < 5 ? new JsonArray(Plausible(ApiOperations.Get(schema, "items"), depth + 1)) : new JsonArray();
        if (types.Contains("integer") || types.Contains("number")) return 1;
        if (types.Contains("boolean")) return true;
        return format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "date-time" => DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            _ => types.Contains("string") ? "sweep" : null,
        };
    }

    private static string Url(ApiOperation operation, string? replaced, string? value)
    {
        var path = new StringBuilder(operation.Path);
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var text = parameter.Name == replaced ? value! : Uri.EscapeDataString(Plausible(parameter.Schema, 0)?.ToString() ?? "x");
            path.Replace($"{{{parameter.Name}}}", text);
        }
        var query = operation.Parameters.FirstOrDefault(p => p.In == "query" && p.Name == replaced) is { } asked
            ? $"?{asked.Name}={value}" : "";
        return path + query;
    }

    private static string Text(JsonNode? body) =>
        (body?.ToJsonString() ?? "null").Replace($"\"{Escaped(LoneSurrogate)}\"", "\"\\ud800\"")
            .Replace($"\"{Escaped(HugeNumber)}\"", "99999999999999999999999999999");

    private static string Escaped(string marker) => JsonValue.Create(marker).ToJsonString().Trim('"');

    private static string Short(string text) => text.Length > 40 ? $"{text[..20]}…({text.Length} chars)" : text;
}
