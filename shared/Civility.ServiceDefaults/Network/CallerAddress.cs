using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Civility.ServiceDefaults.Network;

/// <summary>
/// The key a per-address limit counts a caller under. An IPv4 caller is its address; an IPv6 caller is its /64, as a
/// home or a phone is given a whole /64 and may take any address in it, so counting addresses would give a hostile
/// caller a fresh bucket per request. The address is the connection's, as <see cref="TrustedProxies"/> has set it.
/// </summary>
public static class CallerAddress
{
    public static string LimitKey(HttpContext context) => LimitKey(context.Connection.RemoteIpAddress);

    public static string LimitKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
