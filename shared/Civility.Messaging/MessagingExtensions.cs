using System.Reflection;
using Civility.Messaging.Diagnostics;
using Civility.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Civility.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Wires a service to RabbitMQ through MassTransit with Civility's conventions: every event leaves through the
    /// outbox of <typeparamref name="TContext"/>; every consumer in <paramref name="consumersFrom"/> gets its own
    /// durable quorum queue named <c>{service}-{consumer}</c>, retries, and an <c>_error</c> queue after them.
    /// </summary>
    /// <remarks>
    /// Quorum queues, deliberately: they are replicated and fsync'd before confirming, which is what "nothing is lost"
    /// needs once the broker is a cluster, and RabbitMQ is retiring classic mirrored queues. A queue's type cannot
    /// change after it is declared, so this is chosen once, here, for every service.
    /// </remarks>
    public static IHostApplicationBuilder AddCivilityMessaging<TContext>(
        this IHostApplicationBuilder builder, string serviceName, Assembly? consumersFrom = null)
        where TContext : DbContext
    {
        var brokerUri = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Start the service through the app host (Civility.AppHost).");
        var settings = builder.Configuration.GetSection("Messaging").Get<MessagingSettings>() ?? new MessagingSettings();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Messaging:Outbox"));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.ConfigureDbContext<TContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();

        // Start taking traffic only once the bus is connected and every queue is declared and bound: an event
        // published before its consumer's queue exists would be routed nowhere.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            if (consumersFrom is not null) bus.AddConsumers(consumersFrom);
            bus.AddPingConsumer<TContext>(serviceName);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Transient faults (a deadlock, a dropped connection) usually pass within a few seconds; after that
                // the message goes to <queue>_error and the queue moves on. In-process intervals: the Debian
                // RabbitMQ has no delayed-exchange plugin to redeliver later.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Immediate(settings.ImmediateRetries);
                    retry.Intervals(settings.RetryIntervals.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray());
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri), host => host.PublisherConfirmation = true);
                // Each message holds a database connection while it runs: keep the prefetch near the pool share.
                // Service-wide defaults; MassTransit sizes a batch consumer's endpoint for its batches.
                rabbit.PrefetchCount = settings.PrefetchCount;
                rabbit.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                rabbit.ConfigurePingTopology();
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}

public sealed class MessagingSettings
{
    public int ImmediateRetries { get; set; } = 2;

    public int[] RetryIntervals { get; set; } = [200, 1000, 3000];

    public int PrefetchCount { get; set; } = 32;

    public int ConcurrentMessageLimit { get; set; } = 16;
}
