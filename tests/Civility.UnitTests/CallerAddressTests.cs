using System.Net;
using Civility.ServiceDefaults.Network;

namespace Civility.UnitTests;

public sealed class CallerAddressTests
{
    [Fact]
    public void Every_address_of_one_IPv6_64_counts_as_one_caller()
    {
        var first = CallerAddress.LimitKey(IPAddress.Parse("2408:8207:1:2::1"));
        var another = CallerAddress.LimitKey(IPAddress.Parse("2408:8207:1:2:ffff:1234:abcd:9"));
        var neighbour = CallerAddress.LimitKey(IPAddress.Parse("2408:8207:1:3::1"));

        Assert.Equal("2408:8207:1:2::/64", first);
        Assert.Equal(first, another);
        Assert.NotEqual(first, neighbour);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    public void An_IPv4_caller_is_its_address_however_the_socket_spells_it(string address, string key) =>
        Assert.Equal(key, CallerAddress.LimitKey(IPAddress.Parse(address)));

    [Fact]
    public void A_caller_without_an_address_shares_one_bucket() => Assert.Equal("unknown", CallerAddress.LimitKey((IPAddress?)null));
}
