using System.Net;
using System.Net.Sockets;

namespace Civility.Webhooks.Application.Sending;

/// <summary>
/// Which addresses a webhook may not reach: anything that is not a public unicast address. A URL is easy to aim at the
/// service's own network (its database, the cloud's metadata address): these checks stop a subscription doing it.
/// </summary>
public static class AddressRules
{
    /// <summary>What kind of address this is when a webhook may not go there (<c>"loopback"</c>…), or null for a public one.</summary>
    public static string? Forbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ForbiddenV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ForbiddenV6(address),
            _ => "non-IP",
        };
    }

    private static string? ForbiddenV4(byte[] b) => b switch
    {
        [0, ..] => "unspecified",
        [127, ..] => "loopback",
        [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "private",
        [169, 254, ..] => "link-local",
        [100, >= 64 and <= 127, ..] => "shared (carrier-grade NAT)",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? ForbiddenV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return "unspecified";
        if (address.Equals(IPAddress.IPv6Loopback)) return "loopback";
        if (address.IsIPv6LinkLocal) return "link-local";
        if (address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return "private";
        if (address.IsIPv6Multicast) return "multicast";
        var bytes = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) addresses reach the IPv4 address in their last four bytes.
        if (bytes is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] || bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            return ForbiddenV4(bytes[12..]);
        return null;
    }

    /// <summary>
    /// Whether a host matches an allow-list entry: the same name (<c>hooks.partner.example</c>), or a name below a
    /// wildcard (<c>*.partner.example</c> allows <c>a.partner.example</c>, not <c>partner.example</c>). Case and a
    /// trailing dot do not matter; IPv6 literals may be written with or without brackets.
    /// </summary>
    public static bool HostMatches(string pattern, string host)
    {
        var wanted = Normalize(pattern);
        var given = Normalize(host);
        if (wanted.Length == 0 || given.Length == 0) return false;
        return wanted.StartsWith("*.", StringComparison.Ordinal)
            ? given.Length > wanted.Length - 1 && given.EndsWith(wanted[1..], StringComparison.Ordinal)
            : given == wanted;
    }

    /// <summary>A host as the checks compare it: lowercase, without a trailing dot or IPv6 brackets.</summary>
    public static string Normalize(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
}
