using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.DemoData;

/// <summary>A call through the gateway that did not answer as the data set expects.</summary>
public sealed class DemoDataException(string message) : Exception(message);

/// <summary>One answer of the gateway: status and body (JSON when there is one).</summary>
internal sealed record ApiReply(HttpMethod Method, string Path, HttpStatusCode Status, string Text)
{
    public JsonElement Json => Text.Length == 0 ? default : JsonDocument.Parse(Text).RootElement.Clone();

    public bool Is(params HttpStatusCode[] statuses) => statuses.Contains(Status);

    /// <summary>The body, when the status is one of those expected; otherwise a readable failure.</summary>
    public JsonElement Expect(params HttpStatusCode[] expected)
    {
        if (!expected.Contains(Status))
            throw new DemoDataException(
                $"{Method} {Path}: expected {string.Join(" or ", expected.Select(s => (int)s))}, got {(int)Status} {Text}");
        return Json;
    }
}

/// <summary>
/// The gateway with the admin client's bearer token. Retries what did not reach a service (429 after Retry-After,
/// 502, 503) and fetches a new token once on 401 (tokens live 30 minutes).
/// </summary>
internal sealed class GatewayApi(HttpClient http, Func<CancellationToken, Task<string>> tokenProvider)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int MaxAttempts = 8;
    private string? _token;

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>Requests sent (retries included).</summary>
    public int Requests { get; set; }

    public Task<ApiReply> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<ApiReply> PostAsync(string path, object? body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, () => JsonBody(body), ct);

    public Task<ApiReply> PutAsync(string path, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, path, () => JsonBody(body), ct);

    public Task<ApiReply> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    /// <summary>GET that must answer 200.</summary>
    public async Task<JsonElement> ReadAsync(string path, CancellationToken ct) => (await GetAsync(path, ct)).Expect(HttpStatusCode.OK);

    /// <summary>Every item of a paged list (<c>items</c>, pages of 200).</summary>
    public async Task<List<JsonElement>> ReadAllAsync(string path, CancellationToken ct)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var body = await ReadAsync($"{path}{separator}page={page}&pageSize=200", ct);
            var batch = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count < 200) return items;
        }
    }

    public async Task<ApiReply> SendAsync(HttpMethod method, string path, Func<HttpContent?>? content, CancellationToken ct)
    {
        var renewedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token ??= await tokenProvider(ct));
            using var response = await http.SendAsync(request, ct);
            Requests++;
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !renewedToken)
            {
                renewedToken = true;
                _token = null;
                continue;
            }
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                && attempt < MaxAttempts)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Min(attempt * 2, 10));
                await Task.Delay(wait, ct);
                continue;
            }
            return new ApiReply(method, path, response.StatusCode, text);
        }
    }

    private static HttpContent? JsonBody(object? body) => body is null ? null : JsonContent.Create(body, body.GetType(), options: Json);

    /// <summary>A token for a client of the token server, through the gateway (OAuth2 client credentials).</summary>
    public static async Task<string> ClientCredentialsTokenAsync(
        HttpClient http, string clientId, string clientSecret, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsync("/connect/token", form, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                && attempt < MaxAttempts)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(2), ct);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new DemoDataException($"POST /connect/token for {clientId}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()
                ?? throw new DemoDataException("The token server answered no access_token.");
        }
    }
}

internal static class JsonElementExtensions
{
    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public static JsonElement? FirstOrNull(this IEnumerable<JsonElement> items, Func<JsonElement, bool> match)
    {
        foreach (var item in items)
            if (match(item)) return item;
        return null;
    }

    public static Guid? FindId(this IEnumerable<JsonElement> items, Func<JsonElement, bool> match) =>
        items.Where(match).Select(e => (Guid?)e.Id()).FirstOrDefault();
}
