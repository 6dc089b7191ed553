using System.Net;
using System.Net.Http.Json;
using System.Text;
using Civility.Contracts.Volunteers;
using Civility.Contracts.Webhooks;

namespace Civility.Webhooks.Tests;

/// <summary>The receiver's check (<see cref="WebhookSignature.Check"/>, the one the README shows) on real deliveries.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class SignatureTests(WebhooksServiceFixture fixture)
{
    [Fact]
    public async Task A_tampered_body_or_signature_another_secret_or_an_old_timestamp_fails_the_documented_check()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(VolunteerDeactivated)]);
        var id = subscription.GetProperty("id").GetGuid();
        var secret = subscription.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        await fixture.PublishAsync(WebhooksServiceFixture.Sample<VolunteerDeactivated>());
        await fixture.UntilDeliveriesAsync(id, "delivered", 1);
        var delivery = Assert.Single(receiver.Received);
        var timestamp = delivery.Header(WebhookSignature.TimestampHeader);
        var signature = delivery.Header(WebhookSignature.SignatureHeader);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Check(secret, timestamp, signature, delivery.Body, now));

        // The body changed in one word (another reason), still valid JSON.
        var text = Encoding.UTF8.GetString(delivery.Body);
        Assert.Contains("sample", text);
        var tampered = Encoding.UTF8.GetBytes(text.Replace("sample", "simple", StringComparison.Ordinal));
        Assert.Equal(WebhookVerdict.Mismatch, WebhookSignature.Check(secret, timestamp, signature, tampered, now));
        // One digit of the signature changed.
        var forged = signature[..^1] + (signature[^1] == '0' ? '1' : '0');
        Assert.Equal(WebhookVerdict.Mismatch, WebhookSignature.Check(secret, timestamp, forged, delivery.Body, now));
        // Signed with another secret.
        const string another = "whsec_someone-else-entirely-000000";
        Assert.Equal(WebhookVerdict.Mismatch, WebhookSignature.Check(another, timestamp, signature, delivery.Body, now));
        // The same signature under another timestamp (the timestamp is signed too).
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var later = (long.Parse(timestamp, invariant) + 1).ToString(invariant);
        Assert.Equal(WebhookVerdict.Mismatch, WebhookSignature.Check(secret, later, signature, delivery.Body, now));
        // The delivery replayed ten minutes later: the signature is right, the timestamp too old.
        Assert.Equal(WebhookVerdict.Expired, WebhookSignature.Check(secret, timestamp, signature, delivery.Body, now.AddMinutes(10)));
        // Headers missing or not in the documented form.
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Check(secret, null, signature, delivery.Body, now));
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Check(secret, "yesterday", signature, delivery.Body, now));
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Check(secret, timestamp, "", delivery.Body, now));
        var otherScheme = signature.Replace("v1=", "v0=", StringComparison.Ordinal);
        Assert.Equal(WebhookVerdict.Mismatch, WebhookSignature.Check(secret, timestamp, otherScheme, delivery.Body, now));
        await fixture.CloseAsync(id);
    }

    [Fact]
    public async Task After_a_rotation_deliveries_are_signed_with_the_new_secret_and_for_a_while_the_old_one()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(VolunteerReactivated)]);
        var id = subscription.GetProperty("id").GetGuid();
        var old = subscription.GetProperty("secret").GetString()!;

        using var admin = fixture.Admin();
        const string given = "the-partner's-new-secret-2027-abcdef";
        using var rotated = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/rotate-secret", new { secret = given });
        var body = await Http.ReadAsync(rotated, HttpStatusCode.OK);
        Assert.False(body.TryGetProperty("secret", out _), "a secret the admin gave is not echoed");
        Assert.True(body.GetProperty("secretRotatedAt").ValueKind == System.Text.Json.JsonValueKind.String);

        await fixture.PublishAsync(WebhooksServiceFixture.Sample<VolunteerReactivated>());
        await fixture.UntilDeliveriesAsync(id, "delivered", 1);
        var delivery = Assert.Single(receiver.Received);
        var signatures = delivery.Header(WebhookSignature.SignatureHeader).Split(',');
        Assert.Equal(2, signatures.Length);
        var now = DateTimeOffset.UtcNow;
        foreach (var secret in new[] { given, old })
            Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Check(secret, delivery.Header(WebhookSignature.TimestampHeader),
                delivery.Header(WebhookSignature.SignatureHeader), delivery.Body, now));
        Assert.Equal(WebhookVerdict.Mismatch, WebhookSignature.Check(old + "x", delivery.Header(WebhookSignature.TimestampHeader),
            delivery.Header(WebhookSignature.SignatureHeader), delivery.Body, now));

        // A rotation with no secret given makes one and shows it, once.
        using var made = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/rotate-secret", new { });
        var fresh = (await Http.ReadAsync(made, HttpStatusCode.OK)).GetProperty("secret").GetString()!;
        Assert.NotEqual(old, fresh);
        Assert.DoesNotContain(fresh, Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/webhooks/subscriptions/{id}")));

        using var weak = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/rotate-secret", new { secret = "short" });
        Assert.True((await Http.ReadAsync(weak, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("secret", out _));
        await fixture.CloseAsync(id);
    }
}
