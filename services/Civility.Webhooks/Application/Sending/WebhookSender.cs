using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Civility.Contracts.Webhooks;
using Civility.Webhooks.Domain;
using Microsoft.Extensions.Options;

namespace Civility.Webhooks.Application.Sending;

/// <summary>A connection the target policy refused: the name resolved to an address webhooks may not reach.</summary>
public sealed class TargetRefusedException(string message) : IOException(message);

/// <summary>
/// Sends one attempt of a delivery: a signed POST of the event's JSON. Its own HTTP client, not the service's shared
/// ones: no proxy (it would connect for us, past the address check), no redirects, no cookies, no retries of its own
/// (the delivery's schedule retries), no service discovery (a target named like a service would reach it); every
/// connection goes through <see cref="ConnectAsync"/>, which checks the address it connects to.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TargetPolicy _policy;
    private readonly IHostResolver _resolver;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;

    public WebhookSender(TargetPolicy policy, IHostResolver resolver, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _policy = policy;
        _resolver = resolver;
        _options = options.Value;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Civility-Webhooks", "1.0"));
    }

    /// <summary>
    /// POSTs the delivery's payload to the subscription's target, signed with <paramref name="secrets"/> (in clear, the
    /// current one first); what the receiver answered, or why there was no answer. Throws only when
    /// <paramref name="cancellationToken"/> is cancelled (the service is stopping).
    /// </summary>
    public async Task<AttemptOutcome> SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, IReadOnlyList<string> secrets,
        CancellationToken cancellationToken)
    {
        var at = _clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(started);
        var target = new Uri(subscription.TargetUrl);
        // The allow-list and the scheme may have changed since the subscription was registered.
        if (_policy.Refusal(target) is { } refusal) return new AttemptOutcome(at, null, $"Refused: {refusal}", TimeSpan.Zero, null);

        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        // Real time, whatever the service's clock: the receiver compares it with its own (a stack may run a moved clock).
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, delivery.EventType);
        request.Headers.Add(WebhookSignature.DeliveryIdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(timestamp, body, secrets));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            return new AttemptOutcome(at, (int)response.StatusCode, null, Elapsed(), excerpt);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new AttemptOutcome(at, null, $"No answer within {_options.Timeout.TotalSeconds:0.#} s.", Elapsed(), null);
        }
        catch (HttpRequestException e)
        {
            var refused = Inner<TargetRefusedException>(e);
            return new AttemptOutcome(at, null, refused is not null ? $"Refused: {refused.Message}" : Describe(e), Elapsed(), null);
        }
    }

    /// <summary>Connects to the target's addresses only when every one of them passes the policy.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = AddressRules.Normalize(context.DnsEndPoint.Host);
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0) throw new TargetRefusedException($"{host} does not resolve.");
        foreach (var address in addresses)
            if (_policy.AddressRefusal(address, host) is { } refusal) throw new TargetRefusedException(refusal);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The start of the receiver's answer, as text, for the delivery log; never more than a kilobyte is read.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[1024];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0) read += n;
            if (read == 0) return null;
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            // Only printable text: the log is read in a browser and a terminal.
            var printable = new string([.. text.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c)]).Trim();
            return DeliveryAttempt.Shorten(printable, DeliveryAttempt.ExcerptLength);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status has arrived; an answer that stops half-way changes nothing about it.
            return null;
        }
    }

    private static string Describe(HttpRequestException e)
    {
        var root = e.InnerException is { } inner ? $"{e.Message} ({inner.GetBaseException().Message})" : e.Message;
        return DeliveryAttempt.Shorten(root, DeliveryAttempt.ErrorLength)!;
    }

    private static T? Inner<T>(Exception e) where T : Exception
    {
        for (var current = (Exception?)e; current is not null; current = current.InnerException)
            if (current is T found) return found;
        return null;
    }

    public void Dispose() => _http.Dispose();
}
