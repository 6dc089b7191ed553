using Civility.Contracts.Diagnostics;
using Civility.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace Civility.Messaging.Diagnostics;

/// <summary>
/// The messaging side of the diagnostics ping, for a service that opts in: the table of pings received, the consumer
/// and the routing that takes pings addressed to this service or to everyone. The HTTP side is in Civility.Hosting.
/// </summary>
public static class PingDiagnostics
{
    public static ModelBuilder AddPingDiagnostics(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedPing>(ping =>
        {
            ping.ToTable("received_pings");
            ping.HasKey(p => p.Id);
            ping.Property(p => p.Id).UseIdentityAlwaysColumn();
            ping.HasIndex(p => p.PingId).IsUnique();
            ping.Property(p => p.FromService).HasMaxLength(50);
            ping.Property(p => p.Note).HasMaxLength(200);
        });
        return modelBuilder;
    }

    public static string EndpointName(string serviceName) => $"{serviceName}-service-pinged";

    /// <summary>
    /// The ping consumer's endpoint takes pings addressed to this service or to everyone (bound by routing key, not to
    /// every ping). MassTransit raises a batch consumer's endpoint limits to hold whole batches (message limit times
    /// concurrency), above the service-wide defaults.
    /// </summary>
    public static void AddPingConsumer<TContext>(this IBusRegistrationConfigurator bus, string serviceName) where TContext : DbContext =>
        bus.AddConsumer<ServicePingedConsumer<TContext>>(consumer => consumer.ConsumeInBatches(concurrencyLimit: 2))
            .Endpoint(endpoint =>
            {
                endpoint.Name = EndpointName(serviceName);
                endpoint.ConfigureConsumeTopology = false;
                endpoint.AddConfigureEndpointCallback(receive =>
                {
                    if (receive is not IRabbitMqReceiveEndpointConfigurator rabbit) return;
                    foreach (var routingKey in new[] { serviceName, ServicePinged.Everyone })
                        rabbit.Bind<ServicePinged>(binding =>
                        {
                            binding.ExchangeType = ExchangeType.Direct;
                            binding.RoutingKey = routingKey;
                        });
                });
            });

    /// <summary>Pings go to a direct exchange, routed by the service they are addressed to.</summary>
    public static void ConfigurePingTopology(this IRabbitMqBusFactoryConfigurator rabbit)
    {
        rabbit.Message<ServicePinged>(message => message.SetEntityName(ServicePinged.Exchange));
        rabbit.Publish<ServicePinged>(publish => publish.ExchangeType = ExchangeType.Direct);
        rabbit.Send<ServicePinged>(send => send.UseRoutingKeyFormatter(context => context.Message.To));
    }
}
