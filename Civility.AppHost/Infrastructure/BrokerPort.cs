using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civility.AppHost.Infrastructure;

/// <summary>
/// The local broker's AMQP port: a fixed one (<c>Infra:RabbitMQPort</c>, default 5672) so that a partner app's
/// connection settings stay true from one start to the next; <c>random</c> takes any free port, as the tests do.
/// </summary>
internal static class BrokerPort
{
    public const int Standard = 5672;

    /// <summary>The port to ask the orchestrator for (null: any free one) and, when the wanted one is taken, why not.</summary>
    public static (int? Port, string? Notice) Choose(IConfiguration configuration)
    {
        var configured = configuration["Infra:RabbitMQPort"];
        if (configured is "random") return (null, null);
        var wanted = Standard;
        if (!string.IsNullOrEmpty(configured) && !(int.TryParse(configured, out wanted) && wanted is > 0 and < 65536))
            throw new InvalidOperationException($"Infra:RabbitMQPort is '{configured}': give a port number (1–65535) or 'random'.");
        return IsFree(wanted)
            ? (wanted, null)
            : (null, $"AMQP port {wanted} (Infra:RabbitMQPort) is taken on 127.0.0.1, so the broker listens on another port "
                + "this time: the rabbitmq resource's endpoint on the dashboard shows it. Free the port, or set "
                + "Infra:RabbitMQPort, to keep partner apps' settings stable.");
    }

    /// <summary>Says so in the broker's log on the dashboard and in the app host's console when the port had to change.</summary>
    public static IResourceBuilder<T> WarnWhenMoved<T>(this IResourceBuilder<T> broker, string? notice) where T : IResource =>
        notice is null
            ? broker
            : broker.OnBeforeResourceStarted((resource, evt, _) =>
            {
                evt.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource).LogWarning("{Notice}", notice);
                evt.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Civility").LogWarning("{Notice}", notice);
                return Task.CompletedTask;
            });

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // As the broker binds: a port whose last connections are still closing (a restart) counts as free.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
