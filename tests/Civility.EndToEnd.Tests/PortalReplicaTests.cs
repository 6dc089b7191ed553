using System.Net;
using System.Text.RegularExpressions;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// A visitor's form may be rendered by one replica of the portal and posted to the other (the orchestrator's proxy, a
/// load balancer): both derive the same anti-forgery key from the secret they share, so neither refuses the other's.
/// </summary>
[Collection(TwoReplicaStackCollection.Name)]
public sealed partial class PortalReplicaTests(TwoReplicaStack fixture)
{
    [Fact]
    public async Task A_form_rendered_by_one_portal_replica_is_accepted_by_the_other()
    {
        var replicas = await PortalReplicaAddressesAsync();
        Assert.Equal(2, replicas.Count);
        Assert.NotEqual(replicas[0], replicas[1]); // each replica's own port, not the proxy's

        foreach (var (from, to) in new[] { (replicas[0], replicas[1]), (replicas[1], replicas[0]) })
        {
            var cookies = new CookieContainer();
            using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
            var page = await visitor.GetStringAsync(new Uri(from, "/credit/query"));
            var token = AntiforgeryField().Match(page).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(token), $"{from}: the form carries an anti-forgery token");
            // The anti-forgery cookie the first replica set goes to the second too: a cookie belongs to a host, not a port.

            using var posted = await visitor.PostAsync(new Uri(to, "/credit/query"),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__af"] = token, ["Form.Name"] = "没有这个名称的单位",
                }));
            var body = await posted.Content.ReadAsStringAsync();
            Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{from} → {to}: {(int)posted.StatusCode}");
            Assert.Contains("查询结果", body, StringComparison.Ordinal);
        }
    }

    /// <summary>Each running portal replica's own address (behind the proxy), from the port the orchestrator gave it.</summary>
    private async Task<List<Uri>> PortalReplicaAddressesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return [.. (await fixture.HealthyReplicasAsync(timeout.Token))["portal"].Values
            .Select(replica => replica.EnvironmentVariables.FirstOrDefault(e => e.Name == "ASPNETCORE_URLS")?.Value?.Split(';')
                .FirstOrDefault(url => url.StartsWith("http://", StringComparison.Ordinal)))
            .OfType<string>()
            .Select(url => new Uri(url.Replace("+", "localhost", StringComparison.Ordinal)
                .Replace("*", "localhost", StringComparison.Ordinal)))];
    }

    [GeneratedRegex("name=\"__af\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
