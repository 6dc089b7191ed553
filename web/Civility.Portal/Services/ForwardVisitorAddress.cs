namespace Civility.Portal.Services;

/// <summary>
/// Tells the service whose request this is: <c>X-Forwarded-For</c> set to the visitor's address, so that a service's
/// per-address limits (votes, codes, objections) count each visitor and not the portal. The address is the one this
/// portal settled on (the connection's, or the gateway's <c>X-Forwarded-For</c>, believed only from the trusted
/// proxies, <c>Network:TrustedProxies</c>): a header a visitor writes is replaced, never passed on. The services believe
/// the header only from their own trusted proxies (the portal and gateway on loopback, or as listed).
/// </summary>
public sealed class ForwardVisitorAddress(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Forwarded-For");
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
