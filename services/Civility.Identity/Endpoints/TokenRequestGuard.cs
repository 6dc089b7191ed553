using System.Net.Http.Headers;
using System.Text;
using Civility.ServiceDefaults.Http;

namespace Civility.Identity.Endpoints;

/// <summary>
/// A token request whose parameters break the shared input rule (a U+0000 in the client id reaches PostgreSQL, which
/// cannot store it) is refused as the token endpoint refuses any malformed request: 400 <c>invalid_request</c>
/// (RFC 6749 §5.2), before the token server looks the client up.
/// </summary>
internal sealed class TokenRequestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/connect")
            && await FirstRefusedAsync(context.Request) is { } refused)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                ["error"] = "invalid_request",
                ["error_description"] = $"The request is malformed ({refused}): {HostileInput.ControlCharacterMessage}",
            });
            return;
        }
        await next(context);
    }

    private static async Task<string?> FirstRefusedAsync(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Parameter is { } parameter
            && "Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                if (HostileInput.Problem(Uri.UnescapeDataString(Encoding.UTF8.GetString(Convert.FromBase64String(parameter))),
                    allowLineBreaks: false) is not null)
                    return "authorization";
            }
            catch (FormatException)
            {
                // Not Base64: the token server answers that itself.
            }
        }
        if (!request.HasFormContentType) return null;
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (HostileInput.Problem(key, allowLineBreaks: false) is not null) return "(name)";
                if (values.Any(v => v is not null && HostileInput.Problem(v, allowLineBreaks: false) is not null)) return key;
            }
        }
        catch (InvalidDataException)
        {
            // The form reader itself refuses an encoded U+0000 (and the token server would fail on it, not refuse it).
            return "(form)";
        }
        return null;
    }
}
