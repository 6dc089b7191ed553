using System.Text.Json;
using Civility.Hosting.Http;

namespace Civility.UnitTests;

/// <summary>The gateway refuses exactly what the services would refuse: its route limits are the services' figures.</summary>
public sealed class BodyLimitsTests
{
    // The services' endpoints that raise their limit, and the gateway route in front of each.
    public static TheoryData<string, long> Routes => new()
    {
        { "/api/volunteers/import", BodyLimits.Import },
        { "/api/volunteers/service-records/import", BodyLimits.Import },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void The_gateway_route_of_an_endpoint_with_its_own_limit_allows_the_same_size(string path, long serviceLimit)
    {
        var route = GatewayRoutes().Single(r => r.GetProperty("Match").GetProperty("Path").GetString() == path);
        Assert.Equal(serviceLimit, route.GetProperty("MaxRequestBodySize").GetInt64());
    }

    [Fact]
    public void No_other_gateway_route_raises_the_limit()
    {
        var raised = GatewayRoutes().Where(r => r.TryGetProperty("MaxRequestBodySize", out _))
            .Select(r => r.GetProperty("Match").GetProperty("Path").GetString()!).Order().ToList();
        Assert.Equal(Routes.Select(r => (string)r[0]).Order().ToList(), raised);
    }

    private static IEnumerable<JsonElement> GatewayRoutes()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Civility.sln"))) root = root.Parent;
        Assert.NotNull(root);
        using var settings = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(root.FullName, "gateway", "Civility.Gateway", "appsettings.json")));
        return settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject()
            .Select(r => r.Value.Clone()).ToList();
    }
}
