using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Civility.Contracts.CreditList;
using Civility.Contracts.Volunteers;
using Civility.Contracts.Webhooks;

namespace Civility.Webhooks.Tests;

[Collection(WebhooksCollection.Name)]
public sealed class DeliveryTests(WebhooksServiceFixture fixture)
{
    private static readonly AsyncApiContract Contract = AsyncApiContract.Load();

    [Fact]
    public async Task Every_event_type_fed_through_the_broker_arrives_once_signed_verifiable_and_as_the_document_describes_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        const string secret = "a-partner-chosen-secret-0123456789";
        var eventTypes = Events.Subscriptions.EventTypes;
        var subscription = await fixture.RegisterAsync(receiver.Url(), eventTypes.Keys, secret);
        var id = subscription.GetProperty("id").GetGuid();
        Assert.False(subscription.TryGetProperty("secret", out _), "a secret the admin gave is not echoed");

        var published = eventTypes.Values.Select(SampleEvents.Create).ToList();
        foreach (var evt in published) await fixture.PublishAsync(evt);
        await fixture.UntilDeliveriesAsync(id, "delivered", published.Count);

        var received = receiver.Received;
        Assert.Equal(published.Select(e => e.EventId).Order(), received.Select(r => r.EventId).Order());
        var now = DateTimeOffset.UtcNow;
        var problems = new List<string>();
        foreach (var request in received)
        {
            var evt = published.Single(e => e.EventId == request.EventId);
            var type = evt.GetType().Name;
            Assert.Equal("POST", request.Method);
            Assert.Equal("/hook", request.Path);
            Assert.StartsWith("application/json", request.Header("Content-Type"));
            Assert.Equal(type, request.Header(WebhookSignature.EventTypeHeader));
            // The documented check, written out here rather than trusted to the helper the service signs with.
            var timestamp = long.Parse(request.Header(WebhookSignature.TimestampHeader), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(now.ToUnixTimeSeconds() - timestamp, 0, 120);
            var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(request.Body).ToArray();
            var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
            Assert.Equal(expected, request.Header(WebhookSignature.SignatureHeader));
            // The body is the event as docs/asyncapi.yaml describes its payload, field for field, and it is this event.
            problems.AddRange(Contract.ValidateEvent(type, request.Body).Select(p => $"{type}: {p}"));
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal(evt.EventId, body.RootElement.GetProperty("eventId").GetGuid());
            Assert.True(Guid.TryParse(request.Header(WebhookSignature.DeliveryIdHeader), out _));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Decimals are numbers, as on the broker.
        var hours = received.Single(r => r.Header(WebhookSignature.EventTypeHeader) == nameof(ServiceHoursApproved));
        using (var document = JsonDocument.Parse(hours.Body))
            Assert.Equal(JsonValueKind.Number, document.RootElement.GetProperty("hours").ValueKind);

        // The log holds one delivered attempt for each, and names the delivery the receiver was told.
        var log = await fixture.DeliveriesAsync(id);
        Assert.Equal(published.Count, log.Count);
        Assert.All(log, d => Assert.Equal(1, d.GetProperty("attemptCount").GetInt32()));
        Assert.Equal(log.Select(d => d.GetProperty("id").GetGuid().ToString()).Order(),
            received.Select(r => r.Header(WebhookSignature.DeliveryIdHeader)).Order());
        await fixture.CloseAsync(id);
    }

    [Fact]
    public async Task A_receiver_failing_for_a_while_gets_every_event_exactly_once_in_order_when_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(answer: 500);
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(VolunteerRegistered), nameof(ServiceHoursApproved)]);
        var id = subscription.GetProperty("id").GetGuid();
        var secret = subscription.GetProperty("secret").GetString()!;

        var published = Enumerable.Range(0, 6)
            .Select(i => i % 2 == 0
                ? WebhooksServiceFixture.Sample<VolunteerRegistered>()
                : WebhooksServiceFixture.Sample<ServiceHoursApproved>())
            .ToList();
        foreach (var evt in published) await fixture.PublishAsync(evt);

        // First it answers 500 ...
        await receiver.UntilReceivedAsync(2);
        // ... then it is gone altogether: connections refused.
        await receiver.StopAsync();
        static bool Refused(JsonElement delivery) => delivery.GetProperty("lastError") is { ValueKind: JsonValueKind.String } error
            && error.GetString()!.Contains("refused", StringComparison.OrdinalIgnoreCase);
        await Polling.UntilAsync(async () => (await fixture.DeliveriesAsync(id, "pending")).Any(Refused) ? "" : null,
            TimeSpan.FromSeconds(30), "an attempt refused at the connection");
        receiver.Answer = 200;
        await receiver.StartAgainAsync();

        await fixture.UntilDeliveriesAsync(id, "delivered", published.Count);
        var accepted = receiver.Accepted;
        // Every event once, none twice, in the order they were published.
        Assert.Equal(published.Select(e => e.EventId), accepted.Select(r => r.EventId));
        Assert.All(accepted, r => Assert.Equal(WebhookVerdict.Valid, r.Verdict(secret)));
        // The first one took several attempts (failed ones kept in its log); the subscription never paused.
        var first = (await fixture.DeliveriesAsync(id)).First();
        Assert.True(first.GetProperty("attemptCount").GetInt32() >= 3, first.ToString());
        var state = await fixture.SubscriptionAsync(id);
        Assert.Equal("active", state.GetProperty("status").GetString());
        Assert.Equal(0, state.GetProperty("consecutiveFailures").GetInt32());
        await fixture.CloseAsync(id);
    }

    [Fact]
    public async Task Repeated_failures_pause_the_subscription_new_events_still_queue_and_resuming_delivers_them_all()
    {
        await using var receiver = await WebhookReceiver.StartAsync(answer: 503);
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(SubjectBlacklisted), nameof(ListingLifted)]);
        var id = subscription.GetProperty("id").GetGuid();
        var before = new[] { WebhooksServiceFixture.Sample<SubjectBlacklisted>(), WebhooksServiceFixture.Sample<ListingLifted>() };
        foreach (var evt in before) await fixture.PublishAsync(evt);

        var paused = await Wait.ForAsync(async () => await fixture.SubscriptionAsync(id) is var s
            && s.GetProperty("status").GetString() == "paused" ? s : default, TimeSpan.FromSeconds(60), "the subscription pauses");
        Assert.Equal(WebhooksServiceFixture.PauseAfter, paused.GetProperty("consecutiveFailures").GetInt32());
        Assert.Contains($"{WebhooksServiceFixture.PauseAfter} failed attempts in a row", paused.GetProperty("statusReason").GetString());
        Assert.Equal(WebhooksServiceFixture.PauseAfter, receiver.Received.Count);

        // Paused: new events queue, nothing is sent.
        var during = new[] { WebhooksServiceFixture.Sample<ListingLifted>(), WebhooksServiceFixture.Sample<SubjectBlacklisted>() };
        foreach (var evt in during) await fixture.PublishAsync(evt);
        await fixture.UntilDeliveriesAsync(id, "pending", 4);
        await Task.Delay(TimeSpan.FromSeconds(2)); // several retry delays: a paused subscription would have been tried by now
        Assert.Equal(WebhooksServiceFixture.PauseAfter, receiver.Received.Count);
        Assert.Empty(await fixture.DeliveriesAsync(id, "delivered"));

        // An admin points it at the partner's new receiver and resumes it: everything queued goes there at once, in order.
        await using var mended = await WebhookReceiver.StartAsync();
        using var admin = fixture.Admin();
        using var changed = await admin.PutAsJsonAsync($"/api/webhooks/subscriptions/{id}", new
        {
            targetUrl = mended.Url("/v2/hook"), description = "v2",
            eventTypes = new[] { nameof(SubjectBlacklisted), nameof(ListingLifted) },
        });
        Assert.Equal(mended.Url("/v2/hook"), (await Http.ReadAsync(changed, HttpStatusCode.OK)).GetProperty("targetUrl").GetString());
        using var resumed = await admin.PostAsync($"/api/webhooks/subscriptions/{id}/resume", null);
        var body = await Http.ReadAsync(resumed, HttpStatusCode.OK);
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("consecutiveFailures").GetInt32());
        await fixture.UntilDeliveriesAsync(id, "delivered", 4, TimeSpan.FromSeconds(10));
        Assert.Equal(before.Concat(during).Select(e => e.EventId), mended.Accepted.Select(r => r.EventId));
        Assert.All(mended.Received, r => Assert.Equal("/v2/hook", r.Path));
        Assert.Equal(WebhooksServiceFixture.PauseAfter, receiver.Received.Count);

        // Resuming what is active, or pausing without a reason, is refused.
        using var again = await admin.PostAsync($"/api/webhooks/subscriptions/{id}/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        using var noReason = await admin.PostAsJsonAsync($"/api/webhooks/subscriptions/{id}/pause", new { reason = " " });
        Assert.True((await Http.ReadAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        await fixture.CloseAsync(id);
    }

    [Fact]
    public async Task A_delivery_is_given_up_after_its_last_retry_and_kept_the_next_one_goes_after_it_and_it_may_be_redelivered()
    {
        // The receiver refuses one event every time (a poison event) and takes the others.
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await fixture.RegisterAsync(receiver.Url(), [nameof(UnitHeadcountSet)]);
        var id = subscription.GetProperty("id").GetGuid();
        var poison = WebhooksServiceFixture.Sample<UnitHeadcountSet>();
        var next = WebhooksServiceFixture.Sample<UnitHeadcountSet>();
        receiver.AnswerFor[poison.EventId] = 422;
        await fixture.PublishAsync(poison);
        await fixture.PublishAsync(next);

        // Six failures in a row pause the subscription before the eleven attempts that give a delivery up: an
        // administrator resumes it, and the remaining attempts follow.
        await Wait.ForAsync(async () => await fixture.SubscriptionAsync(id) is var s && s.GetProperty("status").GetString() == "paused"
            ? s : default, TimeSpan.FromSeconds(60), "the subscription pauses");
        Assert.DoesNotContain(receiver.Received, r => r.EventId == next.EventId);
        using var admin = fixture.Admin();
        using (var resumed = await admin.PostAsync($"/api/webhooks/subscriptions/{id}/resume", null))
            await Http.ReadAsync(resumed, HttpStatusCode.OK);

        var failed = Assert.Single(await fixture.UntilDeliveriesAsync(id, "failed", 1));
        Assert.Equal(poison.EventId, failed.GetProperty("eventId").GetGuid());
        Assert.Equal(WebhooksServiceFixture.RetryDelays.Length + 1, failed.GetProperty("attemptCount").GetInt32());
        Assert.Equal(422, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(WebhooksServiceFixture.RetryDelays.Length + 1, receiver.Received.Count(r => r.EventId == poison.EventId));

        // The next event waited behind it (a receiver sees events in order), and goes once it is given up.
        var delivered = Assert.Single(await fixture.UntilDeliveriesAsync(id, "delivered", 1));
        Assert.Equal(next.EventId, delivered.GetProperty("eventId").GetGuid());
        var lastPoison = receiver.Received.Where(r => r.EventId == poison.EventId).Max(r => r.At);
        Assert.True(receiver.Accepted.Single().At >= lastPoison);
        Assert.Equal("active", (await fixture.SubscriptionAsync(id)).GetProperty("status").GetString());

        // The partner mends its receiver: an administrator puts the given-up delivery back in line, for a new round.
        receiver.AnswerFor[poison.EventId] = 200;
        using var again = await admin.PostAsync($"/api/webhooks/deliveries/{failed.GetProperty("id").GetGuid()}/redeliver", null);
        Assert.Equal("pending", (await Http.ReadAsync(again, HttpStatusCode.OK)).GetProperty("status").GetString());
        await fixture.UntilDeliveriesAsync(id, "delivered", 2);
        Assert.Equal([next.EventId, poison.EventId], receiver.Accepted.Select(r => r.EventId));
        using var twice = await admin.PostAsync($"/api/webhooks/deliveries/{failed.GetProperty("id").GetGuid()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var asOwner = fixture.Partner("publicity-app");
        using var refused = await asOwner.PostAsync($"/api/webhooks/deliveries/{failed.GetProperty("id").GetGuid()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await fixture.CloseAsync(id);
    }
}
