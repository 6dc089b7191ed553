using System.Collections.Concurrent;
using System.Net;
using Civility.Contracts.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civility.Webhooks.Tests;

/// <summary>
/// A partner's webhook endpoint, for real: Kestrel on 127.0.0.1, keeping every request it gets (headers and raw body)
/// and answering what the test says (<see cref="Answer"/>: a status code, or 0 to keep the request hanging). Stopped, it
/// refuses connections; started again, it listens on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const int Hang = 0;

    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication? _app;

    private WebhookReceiver() { }

    public int Port { get; private set; }

    /// <summary>The status code the next requests are answered with (<see cref="Hang"/>: no answer until the caller gives up).</summary>
    public int Answer { get; set; } = 200;

    /// <summary>Answers particular events otherwise than <see cref="Answer"/> (by event id).</summary>
    public ConcurrentDictionary<Guid, int> AnswerFor { get; } = new();

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>The requests answered with a 2xx status, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => [.. _received.Where(r => r.AnsweredWith is >= 200 and < 300)];

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived (answered or not).</summary>
    public Task UntilReceivedAsync(int count) => Polling.UntilAsync(() => Task.FromResult(_received.Count >= count ? "" : null),
        TimeSpan.FromSeconds(30), $"{count} requests at the receiver");

    public static async Task<WebhookReceiver> StartAsync(int answer = 200)
    {
        var receiver = new WebhookReceiver { Answer = answer };
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>Listens again (on the port it had, if it had one).</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Port = new Uri(addresses.Single()).Port;
        _app = app;
    }

    /// <summary>Stops listening: from now on a connection is refused.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var answer = Guid.TryParse(context.Request.Headers[WebhookSignature.EventIdHeader], out var eventId)
                     && AnswerFor.TryGetValue(eventId, out var particular) ? particular : Answer;
        var request = new ReceivedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray(),
            answer);
        _received.Enqueue(request);
        if (answer == Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        context.Response.StatusCode = answer;
        await context.Response.WriteAsync(answer is >= 200 and < 300 ? "thanks" : $"receiver says {answer}", context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>
/// One request as the receiver got it; <see cref="AnsweredWith"/> is <see cref="WebhookReceiver.Hang"/> when it was never answered.
/// </summary>
public sealed record ReceivedRequest(DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Headers,
    byte[] Body, int AnsweredWith)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    public Guid EventId => Guid.Parse(Header(WebhookSignature.EventIdHeader));

    /// <summary>The receiver's check of this request, with its clock now.</summary>
    public WebhookVerdict Verdict(string secret) => WebhookSignature.Check(secret, Header(WebhookSignature.TimestampHeader),
        Header(WebhookSignature.SignatureHeader), Body, DateTimeOffset.UtcNow);
}
