using System.Globalization;

namespace Civility.Messaging.Tests;

/// <summary>The local broker listens on loopback only: AMQP, its epmd and its Erlang distribution port.</summary>
[Collection(MessagingCollection.Name)]
public sealed class BrokerSurfaceTests(LocalServers servers)
{
    [Fact]
    public void Every_port_of_the_local_broker_listens_on_loopback_only()
    {
        var (amqp, epmd, dist) = servers.BrokerPorts;
        foreach (var port in new[] { amqp, epmd, dist })
        {
            var listening = ListeningAddresses(port).ToList();
            Assert.True(listening.Count > 0, $"nothing listens on port {port}");
            Assert.All(listening, address => Assert.True(address is "0100007F" or "00000000000000000000000001000000",
                $"port {port} listens on {address}, not on loopback"));
        }
    }

    /// <summary>The local addresses (hex, as the kernel writes them) of sockets listening on <paramref name="port"/>.</summary>
    private static IEnumerable<string> ListeningAddresses(int port)
    {
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] == "0A" && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                    yield return local[0];
            }
        }
    }
}
