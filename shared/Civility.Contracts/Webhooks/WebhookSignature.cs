using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Civility.Contracts.Webhooks;

/// <summary>What a receiver makes of a webhook delivery's signature (<see cref="WebhookSignature.Check"/>).</summary>
public enum WebhookVerdict
{
    /// <summary>Signed with the secret, at a time within the tolerance: the body is the one Civility sent.</summary>
    Valid,

    /// <summary>A header is missing or not in the documented form.</summary>
    Malformed,

    /// <summary>The timestamp is further from now than the tolerance: an old delivery replayed, or a clock far off.</summary>
    Expired,

    /// <summary>No signature matches the body and timestamp: tampered with, or signed with another secret.</summary>
    Mismatch,
}

/// <summary>
/// How Civility signs a webhook delivery, and the check a receiver makes. Each delivery is an HTTP POST of the event's
/// JSON (the payload schema of docs/asyncapi.yaml) with these headers:
/// <list type="bullet">
/// <item><c>Civility-Event-Id</c>: the event's id, the same on every attempt and every subscription: drop repeats on it.</item>
/// <item><c>Civility-Event-Type</c>: the event's name (<c>VolunteerRegistered</c>).</item>
/// <item><c>Civility-Delivery-Id</c>: this subscription's delivery of the event, as the delivery log names it.</item>
/// <item><c>Civility-Timestamp</c>: when this attempt was signed, in Unix seconds.</item>
/// <item><c>Civility-Signature</c>: <c>v1=</c> and the lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of
/// the timestamp, a full stop and the body's bytes exactly as received (<c>"1767225600." + body</c>); while a secret is
/// being rotated, one <c>v1=</c> per secret, separated by commas.</item>
/// </list>
/// A receiver accepts a delivery when one <c>v1</c> signature matches (compared in constant time) and the timestamp is
/// within five minutes of its clock. The class uses nothing but the .NET base library: a receiver may copy it.
/// </summary>
public static class WebhookSignature
{
    public const string EventIdHeader = "Civility-Event-Id";
    public const string EventTypeHeader = "Civility-Event-Type";
    public const string DeliveryIdHeader = "Civility-Delivery-Id";
    public const string TimestampHeader = "Civility-Timestamp";
    public const string SignatureHeader = "Civility-Signature";

    /// <summary>The version of the scheme, the prefix of each signature in <see cref="SignatureHeader"/>.</summary>
    public const string Scheme = "v1";

    /// <summary>How far a delivery's timestamp may be from the receiver's clock, either way.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The lowercase hex HMAC-SHA256 of <c>"{timestamp}." + body</c>, keyed with the secret's UTF-8 bytes.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>The <see cref="SignatureHeader"/> value: one <c>v1=</c> signature per secret, the current one first.</summary>
    public static string Header(long timestamp, ReadOnlySpan<byte> body, IEnumerable<string> secrets)
    {
        var signatures = new List<string>();
        foreach (var secret in secrets) signatures.Add($"{Scheme}={Compute(secret, timestamp, body)}");
        return string.Join(",", signatures);
    }

    /// <summary>
    /// The receiver's check of a delivery: <paramref name="timestamp"/> and <paramref name="signature"/> are the two
    /// headers as received, <paramref name="body"/> the raw body (before any JSON parsing), <paramref name="now"/> the
    /// receiver's clock.
    /// </summary>
    public static WebhookVerdict Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return WebhookVerdict.Malformed;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? DefaultTolerance)) return WebhookVerdict.Expired;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, seconds, body));
        foreach (var part in signature.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith(Scheme + "=", StringComparison.Ordinal)) continue;
            var given = Encoding.ASCII.GetBytes(part[(Scheme.Length + 1)..].ToLowerInvariant());
            if (CryptographicOperations.FixedTimeEquals(given, expected)) return WebhookVerdict.Valid;
        }
        return WebhookVerdict.Mismatch;
    }
}
