using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Civility.Testing;

/// <summary>
/// An SMS gateway for a stack under test or benchmark: the moral-model service runs its real HTTP sender
/// (<c>Sms:Provider=Http</c>, <c>Sms:Endpoint</c> = <see cref="Endpoint"/>) against this listener, which keeps the last
/// code each phone received, as the voters' phones would.
/// </summary>
public sealed partial class SmsInbox : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, string> _codes = new();
    private readonly Task[] _loops;

    public SmsInbox()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/sms/");
            probe.Stop();
        }
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loops = Enumerable.Range(0, 16).Select(_ => Task.Run(ServeAsync)).ToArray();
    }

    public Uri Endpoint { get; }

    public string CodeFor(string phone) => _codes.TryGetValue(phone, out var code)
        ? code
        : throw new InvalidOperationException(
            $"No code reached {phone[..3]}****{phone[^4..]} ({_received} messages received, {_codes.Count} phones).");

    private int _received;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Interlocked.Increment(ref _received);
            try
            {
                var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                var phone = body.RootElement.GetProperty("phone").GetString()!;
                _codes[phone] = SixDigits().Match(body.RootElement.GetProperty("message").GetString()!).Value;
                context.Response.StatusCode = 200;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        Task.WaitAll(_loops, TimeSpan.FromSeconds(5));
    }
}
