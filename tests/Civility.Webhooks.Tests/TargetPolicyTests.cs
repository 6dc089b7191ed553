using System.Net;
using System.Net.Http.Json;
using Civility.Contracts.Volunteers;

namespace Civility.Webhooks.Tests;

/// <summary>Where a webhook may not go, with the service as production runs it (private targets refused).</summary>
[Collection(StrictWebhooksCollection.Name)]
public sealed class TargetPolicyTests(StrictWebhooksFixture fixture)
{
    public static TheoryData<string, string> RefusedTargets() => new()
    {
        { "http://127.0.0.1:8080/hook", "loopback" },
        { "http://localhost/hook", "loopback" },
        { "http://[::1]/hook", "loopback" },
        { "http://10.0.0.7/hook", "private" },
        { "http://[fd00::1]/hook", "private" },
        { "http://169.254.169.254/latest/meta-data", "link-local" },
        { "http://100.64.0.1/hook", "carrier-grade NAT" },
        { "http://internal.partner.test/hook", "private" },
        { "http://elsewhere.example/hook", "Webhooks:AllowedHosts" },
        { "http://unknown.partner.test/hook", "does not resolve" },
        { "ftp://files.partner.test/hook", "URL" },
        { "http://user:password@hooks.partner.test/hook", "user name" },
        { "not a url", "URL" },
    };

    [Theory]
    [MemberData(nameof(RefusedTargets))]
    public async Task A_target_that_is_not_a_public_address_of_an_allowed_host_is_refused_at_registration(string targetUrl, string because)
    {
        fixture.Names.Set("localhost", "127.0.0.1", "::1");
        fixture.Names.Set("internal.partner.test", "203.0.113.10", "10.1.2.3"); // one address private is enough
        fixture.Names.Set("hooks.partner.test", "93.184.215.14");
        using var admin = fixture.Admin();
        using var response = await admin.PostAsJsonAsync("/api/webhooks/subscriptions", new
        {
            ownerClientId = "publicity-app", targetUrl, eventTypes = new[] { nameof(VolunteerRegistered) },
        });
        var problem = await Http.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["targetUrl"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(because, errors.GetProperty("targetUrl")[0].GetString());
    }

    [Fact]
    public async Task A_public_address_of_an_allowed_host_is_taken_and_a_change_to_a_private_one_refused()
    {
        fixture.Names.Set("hooks.partner.test", "93.184.215.14");
        var subscription = await fixture.RegisterAsync("http://hooks.partner.test/hook", [nameof(VolunteerRegistered)]);
        var id = subscription.GetProperty("id").GetGuid();
        using var admin = fixture.Admin();
        using var changed = await admin.PutAsJsonAsync($"/api/webhooks/subscriptions/{id}", new
        {
            targetUrl = "http://10.0.0.7/hook", eventTypes = new[] { nameof(VolunteerRegistered) },
        });
        var errors = (await Http.ReadAsync(changed, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("private", errors.GetProperty("targetUrl")[0].GetString());
        Assert.Equal("http://hooks.partner.test/hook", (await fixture.SubscriptionAsync(id)).GetProperty("targetUrl").GetString());
        await fixture.CloseAsync(id);
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_once_registered_is_refused_at_connect_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Public when the administrator registers it ...
        fixture.Names.Set("rebind.partner.test", "93.184.215.14");
        var subscription = await fixture.RegisterAsync($"http://rebind.partner.test:{receiver.Port}/hook", [nameof(VolunteerRegistered)]);
        var id = subscription.GetProperty("id").GetGuid();
        // ... this machine's loopback when the delivery connects (DNS rebinding): the receiver there must get nothing.
        fixture.Names.Set("rebind.partner.test", "127.0.0.1");
        await fixture.PublishAsync(WebhooksServiceFixture.Sample<VolunteerRegistered>());

        var log = await Wait.ForAsync(
            async () => (await fixture.DeliveriesAsync(id)).FirstOrDefault(d => d.GetProperty("attemptCount").GetInt32() >= 2),
            TimeSpan.FromSeconds(30), "two refused attempts");
        using var admin = fixture.Admin();
        using var detail = await admin.GetAsync($"/api/webhooks/deliveries/{log.GetProperty("id").GetGuid()}");
        var attempts = (await Http.ReadAsync(detail, HttpStatusCode.OK)).GetProperty("attempts").EnumerateArray().ToList();
        Assert.All(attempts, a =>
        {
            Assert.False(a.GetProperty("succeeded").GetBoolean());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, a.GetProperty("statusCode").ValueKind);
            Assert.StartsWith("Refused: rebind.partner.test (127.0.0.1) is a loopback address", a.GetProperty("error").GetString());
        });
        Assert.Equal("pending", log.GetProperty("status").GetString());
        Assert.Empty(receiver.Received);
        await fixture.CloseAsync(id);
    }
}
