using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Civility.Webhooks.Application.Sending;

/// <summary>Finds the addresses of a host name; replaced in tests to play a name that changes its answer.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>
/// Where a webhook may go (<see cref="WebhookOptions"/>): https (http only when allowed), a host of the allow-list
/// when there is one, and only public addresses unless private targets are allowed. Checked when a subscription is
/// registered or changed, and again at every connection (<see cref="WebhookSender"/>), on the address actually
/// connected to, so a name that resolves elsewhere later (DNS rebinding) is refused too.
/// </summary>
public sealed class TargetPolicy(IOptions<WebhookOptions> options, IHostResolver resolver)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private WebhookOptions Settings => options.Value;

    /// <summary>What is wrong with a target URL as text, looking its host up; null when nothing is.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https") || target.IdnHost.Length == 0)
            return Settings.AllowHttp ? "An absolute http or https URL." : "An absolute https URL.";
        if (Refusal(target) is { } refusal) return refusal;
        var host = AddressRules.Normalize(target.IdnHost);
        if (IPAddress.TryParse(host, out _)) return null;
        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            addresses = await resolver.ResolveAsync(host, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or ArgumentException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"The host {host} does not resolve.";
        }
        if (addresses.Length == 0) return $"The host {host} does not resolve.";
        return addresses.Select(a => AddressRefusal(a, host)).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// What is wrong with a target without looking its host up (scheme, allow-list, an address literal); null when nothing is.
    /// </summary>
    public string? Refusal(Uri target)
    {
        var https = target.Scheme == Uri.UriSchemeHttps;
        if (!https && !(Settings.AllowHttp && target.Scheme == Uri.UriSchemeHttp))
            return Settings.AllowHttp ? "An http or https URL." : "An https URL: plain http is not allowed (Webhooks:AllowHttp).";
        if (target.UserInfo.Length > 0) return "No user name or password in the URL: the signature tells the receiver who is calling.";
        if (target.Fragment.Length > 0) return "No fragment (#…) in the URL.";
        var host = AddressRules.Normalize(target.IdnHost);
        if (Settings.AllowedHosts is { Length: > 0 } allowed && !allowed.Any(pattern => AddressRules.HostMatches(pattern, host)))
            return $"The host {host} is not one the webhooks may reach (Webhooks:AllowedHosts).";
        return IPAddress.TryParse(host, out var literal) ? AddressRefusal(literal, host) : null;
    }

    /// <summary>Why a webhook may not connect to <paramref name="address"/> (of <paramref name="host"/>); null when it may.</summary>
    public string? AddressRefusal(IPAddress address, string host)
    {
        if (Settings.AllowPrivateTargets || AddressRules.Forbidden(address) is not { } kind) return null;
        var which = host == AddressRules.Normalize(address.ToString()) ? $"{address}" : $"{host} ({address})";
        return $"{which} is a {kind} address: webhooks go to public addresses only.";
    }
}
