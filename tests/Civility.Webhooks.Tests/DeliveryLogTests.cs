using System.Net;
using System.Net.Http.Json;
using Civility.Contracts.MoralModels;
using Npgsql;

namespace Civility.Webhooks.Tests;

[Collection(WebhooksCollection.Name)]
public sealed class DeliveryLogTests(WebhooksServiceFixture fixture)
{
    [Fact]
    public async Task The_owner_reads_its_delivery_log_with_every_attempt_another_client_gets_404_and_no_answer_holds_the_secret()
    {
        var owner = $"publicity-{Guid.NewGuid():N}"[..20];
        await using var receiver = await WebhookReceiver.StartAsync(answer: 503);
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(ModelCommended)], owner: owner);
        var id = subscription.GetProperty("id").GetGuid();
        var secret = subscription.GetProperty("secret").GetString()!;
        var evt = WebhooksServiceFixture.Sample<ModelCommended>();
        await fixture.PublishAsync(evt);
        await receiver.UntilReceivedAsync(1);
        receiver.Answer = 200;
        var delivery = Assert.Single(await fixture.UntilDeliveriesAsync(id, "delivered", 1));
        var deliveryId = delivery.GetProperty("id").GetGuid();

        var answers = new List<string>();
        async Task<string> ReadAsync(HttpClient client, string path, HttpStatusCode expected)
        {
            using var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
            answers.Add(text);
            return text;
        }

        // The owner (webhooks.read only) sees its subscription, its log and each attempt.
        using var partner = fixture.Partner(owner);
        var mine = Json(await ReadAsync(partner, "/api/webhooks/subscriptions", HttpStatusCode.OK));
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await ReadAsync(partner, $"/api/webhooks/subscriptions/{id}", HttpStatusCode.OK);
        var log = Json(await ReadAsync(partner, $"/api/webhooks/subscriptions/{id}/deliveries", HttpStatusCode.OK));
        Assert.Equal(deliveryId, Assert.Single(log.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var detail = Json(await ReadAsync(partner, $"/api/webhooks/deliveries/{deliveryId}", HttpStatusCode.OK));
        Assert.Equal(evt.EventId, detail.GetProperty("eventId").GetGuid());
        Assert.Equal(evt.EventId, detail.GetProperty("payload").GetProperty("eventId").GetGuid());
        var attempts = detail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.True(attempts.Count >= 2, detail.ToString());
        Assert.Equal(Enumerable.Range(1, attempts.Count), attempts.Select(a => a.GetProperty("number").GetInt32()));
        Assert.All(attempts[..^1], a =>
        {
            Assert.False(a.GetProperty("succeeded").GetBoolean());
            Assert.Equal(503, a.GetProperty("statusCode").GetInt32());
            Assert.Equal("receiver says 503", a.GetProperty("responseExcerpt").GetString());
        });
        Assert.True(attempts[^1].GetProperty("succeeded").GetBoolean());
        Assert.Equal(200, attempts[^1].GetProperty("statusCode").GetInt32());
        Assert.True(attempts[^1].GetProperty("durationMs").GetInt32() >= 0);

        // Another partner: nothing of it exists, and the owner may not manage it either.
        using var other = fixture.Partner("credit-platform-app");
        var theirs = Json(await ReadAsync(other, "/api/webhooks/subscriptions", HttpStatusCode.OK));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        string[] theirPaths =
            [$"/api/webhooks/subscriptions/{id}", $"/api/webhooks/subscriptions/{id}/deliveries", $"/api/webhooks/deliveries/{deliveryId}"];
        foreach (var path in theirPaths)
        {
            using var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using (var pause = await partner.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/pause", new { reason = "mine" }))
            Assert.Equal(HttpStatusCode.Forbidden, pause.StatusCode);
        using (var register = await partner.PostAsJsonAsync("/api/webhooks/subscriptions", new
        {
            ownerClientId = owner, targetUrl = receiver.Url(), eventTypes = new[] { nameof(ModelCommended) },
        }))
            Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);

        // The admin's views neither: the secret was shown once, in the registration's answer.
        using var admin = fixture.Admin();
        await ReadAsync(admin, $"/api/webhooks/subscriptions?ownerClientId={owner}", HttpStatusCode.OK);
        await ReadAsync(admin, $"/api/webhooks/subscriptions/{id}", HttpStatusCode.OK);
        await ReadAsync(admin, $"/api/webhooks/deliveries/{deliveryId}", HttpStatusCode.OK);
        await ReadAsync(admin, $"/api/webhooks/audit?entity=WebhookSubscription&entityId={id}", HttpStatusCode.OK);
        // The audit trail names the registration, with the secret protected.
        Assert.Contains("SecretEncrypted", answers[^1]);
        Assert.Contains("[protected]", answers[^1]);

        // Kept encrypted; neither the secret nor its encrypted form is in any answer.
        await using var connection = new NpgsqlConnection(fixture.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT secret_encrypted FROM webhooks.subscriptions WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id } },
        };
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain(secret, stored);
        Assert.All(answers, answer => Assert.DoesNotContain(secret, answer));
        Assert.All(answers, answer => Assert.DoesNotContain(stored[3..], answer));
        await fixture.CloseAsync(id);
    }

    private static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public async Task Bad_requests_are_refused_field_by_field_and_a_closed_subscription_is_kept_but_takes_nothing()
    {
        using var admin = fixture.Admin();
        using var bad = await admin.PostAsJsonAsync("/api/webhooks/subscriptions", new
        {
            ownerClientId = "no spaces please", targetUrl = "", secret = "short",
            eventTypes = new[] { "VolunteerRegistered", "NoSuchEvent" },
        });
        var errors = (await Http.ReadAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["eventTypes[1]", "ownerClientId", "secret", "targetUrl"], errors.EnumerateObject().Select(e => e.Name).Order());

        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(NominationSuspended)]);
        var id = subscription.GetProperty("id").GetGuid();
        using var closed = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/close",
            new { reason = "The partner left the programme." });
        var body = await Http.ReadAsync(closed, HttpStatusCode.OK);
        Assert.Equal("closed", body.GetProperty("status").GetString());
        Assert.Equal("The partner left the programme.", body.GetProperty("statusReason").GetString());

        await fixture.PublishAsync(WebhooksServiceFixture.Sample<NominationSuspended>());
        // A probe subscription to the same event proves the event was consumed, so the closed one really took nothing.
        var probe = await fixture.RegisterAsync(receiver.Url("/probe"), [nameof(NominationSuspended)]);
        var probeId = probe.GetProperty("id").GetGuid();
        var marker = WebhooksServiceFixture.Sample<NominationSuspended>();
        await fixture.PublishAsync(marker);
        await fixture.UntilDeliveriesAsync(probeId, "delivered", 1);
        Assert.Empty(await fixture.DeliveriesAsync(id));
        Assert.Equal("closed", (await fixture.SubscriptionAsync(id)).GetProperty("status").GetString());
        using var resumed = await admin.PostAsync($"/api/webhooks/subscriptions/{id}/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, resumed.StatusCode);
        await fixture.CloseAsync(probeId);
    }
}
