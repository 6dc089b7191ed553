using System.Net;
using System.Text;
using Civility.Contracts.Webhooks;
using Civility.Domain;
using Civility.Webhooks.Application;
using Civility.Webhooks.Application.Sending;
using Civility.Webhooks.Domain;
using Microsoft.Extensions.Options;

namespace Civility.UnitTests;

/// <summary>The webhook rules that need no server: where a webhook may go, the signature, retries and pausing.</summary>
public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.20.30.40", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fec0::1", "private")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("100.127.255.255", "shared (carrier-grade NAT)")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("93.184.215.14", null)]
    [InlineData("172.15.255.255", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("100.63.255.255", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("2606:4700:4700::1111", null)]
    [InlineData("::ffff:8.8.8.8", null)]
    public void Only_public_unicast_addresses_may_be_reached(string address, string? forbiddenAs) =>
        Assert.Equal(forbiddenAs, AddressRules.Forbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("hooks.partner.example", "hooks.partner.example", true)]
    [InlineData("hooks.partner.example", "HOOKS.Partner.Example.", true)]
    [InlineData("hooks.partner.example", "evil-hooks.partner.example", false)]
    [InlineData("*.partner.example", "a.partner.example", true)]
    [InlineData("*.partner.example", "a.b.partner.example", true)]
    [InlineData("*.partner.example", "partner.example", false)]
    [InlineData("*.partner.example", "evilpartner.example", false)]
    [InlineData("*.partner.example", "partner.example.evil", false)]
    [InlineData("::1", "[::1]", true)]
    [InlineData("", "anything", false)]
    public void A_host_matches_an_allow_list_entry_by_name_or_below_a_wildcard(string pattern, string host, bool matches) =>
        Assert.Equal(matches, AddressRules.HostMatches(pattern, host));

    [Theory]
    [InlineData("https://hooks.partner.example/civility", false, false, null)]
    [InlineData("http://hooks.partner.example/civility", false, false, "https")]
    [InlineData("http://hooks.partner.example/civility", true, false, null)]
    [InlineData("https://other.example/civility", false, false, "AllowedHosts")]
    [InlineData("https://127.0.0.1/civility", false, false, "loopback")]
    [InlineData("https://[fd00::7]/civility", false, false, "private")]
    [InlineData("https://127.0.0.1/civility", false, true, null)]
    [InlineData("https://user:secret@hooks.partner.example/", false, false, "user name")]
    [InlineData("https://hooks.partner.example/#fragment", false, false, "fragment")]
    public void The_target_policy_reads_the_settings(string url, bool allowHttp, bool allowPrivate, string? refusedFor)
    {
        var policy = new TargetPolicy(Options.Create(new WebhookOptions
        {
            AllowHttp = allowHttp, AllowPrivateTargets = allowPrivate, AllowedHosts = ["*.partner.example", "127.0.0.1", "fd00::7"],
        }), new DnsHostResolver());
        var refusal = policy.Refusal(new Uri(url));
        if (refusedFor is null) Assert.Null(refusal);
        else Assert.Contains(refusedFor, refusal);
    }

    [Fact]
    public void The_signature_is_the_documented_HMAC_and_matches_a_fixed_vector()
    {
        // Computed outside .NET (Python's hmac): a receiver in any language can check its implementation against it.
        var body = Encoding.UTF8.GetBytes("""{"eventId":"0193e0c2-7a00-7000-8000-000000000001","note":"文明"}""");
        Assert.Equal("404030bc1e1780ddd118f3050384f0273cb27ef18a7a2650c6331234766e74df",
            WebhookSignature.Compute("whsec_test-vector-secret", 1767225600, body));
        Assert.Equal("v1=404030bc1e1780ddd118f3050384f0273cb27ef18a7a2650c6331234766e74df,v1="
                     + WebhookSignature.Compute("older", 1767225600, body),
            WebhookSignature.Header(1767225600, body, ["whsec_test-vector-secret", "older"]));
    }

    [Fact]
    public void The_check_allows_five_minutes_either_way_and_any_of_the_signatures()
    {
        var body = "{}"u8.ToArray();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(1767225600);
        var header = WebhookSignature.Header(1767225600, body, ["new-secret", "old-secret"]);
        WebhookVerdict At(TimeSpan offset, string secret = "new-secret") =>
            WebhookSignature.Check(secret, "1767225600", header, body, signedAt + offset);
        Assert.Equal(WebhookVerdict.Valid, At(TimeSpan.FromMinutes(5)));
        Assert.Equal(WebhookVerdict.Valid, At(TimeSpan.FromMinutes(-5)));
        Assert.Equal(WebhookVerdict.Valid, At(TimeSpan.Zero, "old-secret"));
        Assert.Equal(WebhookVerdict.Expired, At(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)));
        Assert.Equal(WebhookVerdict.Expired, At(TimeSpan.FromMinutes(-6)));
        Assert.Equal(WebhookVerdict.Mismatch, At(TimeSpan.Zero, "another-secret"));
        var upper = header.ToUpperInvariant().Replace("V1=", "v1=", StringComparison.Ordinal);
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Check("new-secret", "1767225600", upper, body, signedAt));
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Check("new-secret", "-1767225600", header, body, signedAt));
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Check("new-secret", "99999999999999999999", header, body, signedAt));
    }

    [Fact]
    public void A_delivery_is_retried_after_each_delay_in_turn_and_given_up_after_the_last()
    {
        var now = new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
        TimeSpan[] delays = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)];
        var delivery = new WebhookDelivery(Guid.NewGuid(), Guid.NewGuid(), "VolunteerRegistered", now, "{}", now);
        Assert.Equal(now, delivery.NextAttemptAt);

        delivery.Record(new AttemptOutcome(now, 500, null, TimeSpan.FromMilliseconds(30), "oops"), delays);
        Assert.Equal((DeliveryStatus.Pending, now.AddSeconds(10)), (delivery.Status, delivery.NextAttemptAt));
        delivery.Record(new AttemptOutcome(now.AddSeconds(10), null, "Connection refused", TimeSpan.Zero, null), delays);
        Assert.Equal((DeliveryStatus.Pending, now.AddSeconds(70)), (delivery.Status, delivery.NextAttemptAt));
        delivery.Record(new AttemptOutcome(now.AddSeconds(70), 302, null, TimeSpan.Zero, null), delays);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(now.AddSeconds(70), delivery.EndedAt);
        Assert.Equal([1, 2, 3], delivery.Attempts.Select(a => a.Number));
        Assert.Equal((302, (string?)null), (delivery.LastStatusCode, delivery.LastError));

        // Put back in line: a new round, with the delays counted again from its first attempt.
        delivery.Requeue(now.AddHours(1));
        Assert.Equal((DeliveryStatus.Pending, now.AddHours(1)), (delivery.Status, delivery.NextAttemptAt));
        Assert.Null(delivery.EndedAt);
        delivery.Record(new AttemptOutcome(now.AddHours(1), 503, null, TimeSpan.Zero, null), delays);
        Assert.Equal(now.AddHours(1).AddSeconds(10), delivery.NextAttemptAt);
        Assert.Equal(RuleKind.Conflict, Assert.Throws<DomainRuleException>(() => delivery.Requeue(now)).Kind);

        var second = new WebhookDelivery(Guid.NewGuid(), Guid.NewGuid(), "VolunteerRegistered", now, "{}", now);
        var attempt = second.Record(new AttemptOutcome(now, 204, null, TimeSpan.FromMilliseconds(12), new string('x', 2000)), delays);
        Assert.True(attempt.Succeeded);
        Assert.Equal(DeliveryAttempt.ExcerptLength, attempt.ResponseExcerpt!.Length);
        Assert.Equal((DeliveryStatus.Delivered, (DateTimeOffset?)now), (second.Status, second.DeliveredAt));
    }

    [Fact]
    public void Failures_in_a_row_pause_a_subscription_a_success_resets_them_and_a_closed_one_takes_no_action()
    {
        var now = new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var subscription = new WebhookSubscription("publicity-app", new Uri("https://hooks.partner.example/"),
            ["ListingLifted", "ListingLifted"], null, "v1:current", "civility-admin", now);
        Assert.Equal(["ListingLifted"], subscription.EventTypes);
        subscription.RecordFailedAttempt(3, now);
        subscription.RecordFailedAttempt(3, now);
        subscription.RecordDelivered();
        Assert.Equal(0, subscription.ConsecutiveFailures);
        for (var i = 0; i < 3; i++) subscription.RecordFailedAttempt(3, now);
        Assert.Equal(SubscriptionStatus.Paused, subscription.Status);
        Assert.Equal("Paused after 3 failed attempts in a row.", subscription.StatusReason);
        Assert.True(subscription.Wants("ListingLifted"));
        subscription.Resume(now);
        Assert.Equal((SubscriptionStatus.Active, 0), (subscription.Status, subscription.ConsecutiveFailures));

        subscription.RotateSecret("v1:next", TimeSpan.FromHours(24), now);
        Assert.Equal(["v1:next", "v1:current"], subscription.SigningSecrets(now.AddHours(23)));
        Assert.Equal(["v1:next"], subscription.SigningSecrets(now.AddHours(24)));

        subscription.Close("left the programme", now);
        Assert.False(subscription.Wants("ListingLifted"));
        foreach (var act in new Action[]
                 {
                     () => subscription.Pause("x", now), () => subscription.Resume(now), () => subscription.Close("again", now),
                     () => subscription.RotateSecret("v1:x", TimeSpan.Zero, now),
                     () => subscription.Change(new Uri("https://b.partner.example/"), ["ListingLifted"], null, now),
                 })
            Assert.Equal(RuleKind.Conflict, Assert.Throws<DomainRuleException>(act).Kind);
    }
}
