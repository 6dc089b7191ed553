using System.Text.Json.Nodes;

namespace Civility.EndToEnd.Tests;

/// <summary>The OpenAPI documents as a county system reads them from the gateway to generate a client.</summary>
[Collection(CivilityAppCollection.Name)]
public sealed class ApiDocumentTests(CivilityAppFixture fixture)
{
    [Theory]
    [InlineData("volunteers")]
    [InlineData("moral-models")]
    [InlineData("credit")]
    [InlineData("pairing")]
    [InlineData("webhooks")]
    public async Task A_document_points_at_the_gateway_names_every_operation_and_types_numbers_as_numbers(string service)
    {
        var document = JsonNode.Parse(await fixture.Gateway.GetStringAsync($"/openapi/{service}.json"))!;

        var server = Assert.Single(document["servers"]!.AsArray())!;
        Assert.Equal("/", server["url"]!.GetValue<string>());

        var ids = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Value is JsonObject { } op && op["responses"] is not null)
                .Select(o => (Where: $"{o.Key.ToUpperInvariant()} {path.Key}", Id: o.Value!["operationId"]?.GetValue<string>())))
            .ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, op => Assert.False(string.IsNullOrEmpty(op.Id), $"{op.Where} has no operationId"));
        Assert.Equal(ids.Count, ids.Select(op => op.Id).Distinct(StringComparer.Ordinal).Count());

        var mixed = Schemas(document).Where(s => s["type"] is JsonArray types
            && types.Select(t => t?.GetValue<string>()).Intersect(["integer", "number"]).Any()
            && types.Any(t => t?.GetValue<string>() == "string")).ToList();
        Assert.True(mixed.Count == 0, $"numbers typed as strings too: {string.Join("; ", mixed.Take(3).Select(m => m.ToJsonString()))}");
    }

    private static IEnumerable<JsonObject> Schemas(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is not null) yield return obj;
                foreach (var (_, child) in obj)
                    foreach (var inner in Schemas(child)) yield return inner;
                break;
            case JsonArray array:
                foreach (var child in array)
                    foreach (var inner in Schemas(child)) yield return inner;
                break;
        }
    }
}
