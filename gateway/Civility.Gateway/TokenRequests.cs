using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Civility.Gateway;

/// <summary>
/// Token requests (<c>POST /connect/token</c>) get buckets of their own, per client id, so that one caller asking for
/// tokens in a loop — or a flood of anonymous requests from the same proxy — cannot starve the county systems' token
/// requests. Only a client id and secret that have been issued a token through this gateway have a bucket of their
/// own: made-up ids, and a known id with a wrong secret, share one bucket per address — or a flood of random ids
/// would be a flood of fresh buckets, and anyone knowing a client's id (ids are not secret) could empty its bucket.
/// Secrets are kept only as a keyed hash with a key of this process.
/// </summary>
internal sealed class TokenRequests
{
    public const string Path = "/connect/token";
    private const string ClientIdItem = "civility.token-client-id";
    private const int MaxKnownClients = 10_000;
    private const int MaxFormBytes = 16 * 1024;

    private readonly ConcurrentDictionary<string, byte> _issued = new(StringComparer.Ordinal);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public static bool IsTokenRequest(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The client id the request names, when it has been issued a token before with the same secret.</summary>
    public string? KnownClientId(HttpContext context) =>
        context.Items[ClientIdItem] is Credentials known && _issued.ContainsKey(known.Key) ? known.ClientId : null;

    private sealed record Credentials(string ClientId, string Key);

    /// <summary>Reads the client id before the rate limiter runs, and learns it once the token server issues a token.</summary>
    public async Task ReadClientIdAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsTokenRequest(context))
        {
            await next(context);
            return;
        }
        var presented = FromBasicAuthorization(context.Request) ?? await FromFormAsync(context.Request);
        var credentials = presented is var (id, secret)
            ? new Credentials(id, $"{id}\n{Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)))}")
            : null;
        if (credentials is not null) context.Items[ClientIdItem] = credentials;
        await next(context);
        if (credentials is not null && context.Response.StatusCode == StatusCodes.Status200OK && _issued.Count < MaxKnownClients)
            _issued.TryAdd(credentials.Key, 0);
    }

    private static (string ClientId, string Secret)? FromBasicAuthorization(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':');
            return colon > 0 ? (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..])) : null;
        }
        catch (FormatException)
        {
            return null; // the token server answers the malformed header itself
        }
    }

    private static async Task<(string ClientId, string Secret)?> FromFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentLength is null or > MaxFormBytes) return null;
        // Buffered so that the proxy forwards the same body after it has been read here.
        request.EnableBuffering(MaxFormBytes);
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.TryGetValue("client_id", out var id) && id.Count == 1 && id[0] is { Length: > 0 and <= 200 } clientId
                ? (clientId, form.TryGetValue("client_secret", out var secret) ? secret.ToString() : "")
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
