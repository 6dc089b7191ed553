using System.Net;
using System.Text.Json;
using Civility.MoralModels.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civility.MoralModels.Tests;

/// <summary>The two senders the service ships: the development log, and the generic HTTP gateway.</summary>
public sealed class CodeSenderTests
{
    [Fact]
    public async Task The_log_sender_writes_the_code_and_never_the_whole_phone_number()
    {
        var logger = new CapturingLogger();
        await new LogVerificationCodeSender(logger).SendAsync("13912345678", "042917", TimeSpan.FromMinutes(5), CancellationToken.None);
        var line = Assert.Single(logger.Lines);
        Assert.Contains("042917", line);
        Assert.Contains("139****5678", line);
        Assert.DoesNotContain("13912345678", line);
    }

    [Fact]
    public async Task The_http_sender_posts_the_number_and_the_text_with_the_key_and_reports_a_refusal()
    {
        var gateway = new RecordingHandler(HttpStatusCode.OK);
        var options = Options.Create(new SmsOptions { Provider = "Http", Endpoint = new Uri("http://sms.invalid/send"), ApiKey = "k-123" });
        await new HttpVerificationCodeSender(new HttpClient(gateway), options)
            .SendAsync("13912345678", "042917", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(HttpMethod.Post, gateway.Method);
        Assert.Equal("Bearer k-123", gateway.Authorization);
        var body = JsonDocument.Parse(gateway.Body!).RootElement;
        Assert.Equal("13912345678", body.GetProperty("phone").GetString());
        Assert.Contains("042917", body.GetProperty("message").GetString());
        Assert.Contains("5 分钟", body.GetProperty("message").GetString());

        var refusing = new HttpVerificationCodeSender(new HttpClient(new RecordingHandler(HttpStatusCode.BadGateway)), options);
        await Assert.ThrowsAsync<VerificationCodeNotSentException>(() =>
            refusing.SendAsync("13912345678", "042917", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public string? Authorization { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Authorization = request.Headers.Authorization?.ToString();
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status);
        }
    }

    private sealed class CapturingLogger : ILogger<LogVerificationCodeSender>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            // The structured values are what an exporter ships: check them too, not only the formatted text.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            Lines.Add($"{formatter(state, exception)} | {values}");
        }
    }
}
