using System.Reflection;
using Civility.Messaging.Diagnostics;
using Civility.Messaging.Outbox;
using Civility.Messaging.Redelivery;
using Civility.Messaging.Wire;
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
    /// outbox of <typeparamref name="TContext"/>; every consumer in <paramref name="consumers"/> (the service's
    /// subscription list) gets its own durable quorum queue named <c>{service}-{consumer}</c> (or the one it shares,
    /// <see cref="SharedQueueAttribute"/>), retries in process, redeliveries from delay queues in the broker (see
    /// <see cref="DelayQueueRedelivery"/>), and an <c>_error</c> queue after them.
    /// </summary>
    /// <remarks>
    /// Quorum queues, deliberately: they are replicated and fsync'd before confirming, which is what "nothing is lost"
    /// needs once the broker is a cluster, and RabbitMQ is retiring classic mirrored queues. A queue's type cannot
    /// change after it is declared, so this is chosen once, here, for every service.
    /// </remarks>
    public static IHostApplicationBuilder AddCivilityMessaging<TContext>(
        this IHostApplicationBuilder builder, string serviceName, IReadOnlyCollection<Type>? consumers = null,
        Publications? publications = null, bool pingDiagnostics = false, IReadOnlyCollection<Type>? publishes = null)
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
        builder.Services.AddSingleton(publications ?? (_ => null));
        builder.Services.AddSingleton<DomainEventsToOutbox>();
        builder.Services.ConfigureDbContext<TContext>((services, options) => options.AddInterceptors(
            services.GetRequiredService<DomainEventsToOutbox>(), services.GetRequiredService<OutboxSignalInterceptor>()));
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
            foreach (var consumer in consumers ?? [])
            {
                var registration = bus.AddConsumer(consumer);
                if (consumer.GetCustomAttribute<SharedQueueAttribute>() is { } shared)
                    registration.Endpoint(endpoint => endpoint.Name = $"{serviceName}-{shared.Name}");
            }
            if (pingDiagnostics) bus.AddPingConsumer<TContext>(serviceName);
            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                // First a few quick tries in process, for what passes within seconds (a deadlock, a dropped
                // connection); then, if it still fails, redelivery later from delay queues in the broker, for what
                // takes minutes (a database restarting or failing over). Only after the last delay does the message go
                // to <queue>_error, and the queue moves on meanwhile. Redelivery wraps the in-process retries, so
                // every redelivery gets them again.
                endpoint.UseDelayQueueRedelivery(name, settings.Redeliveries);
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Immediate(settings.ImmediateRetries);
                    retry.Intervals(settings.InProcessRetryIntervals.ToArray());
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri), host => host.PublisherConfirmation = true);
                rabbit.UseCivilityWireFormat();
                // Each message holds a database connection while it runs: keep the prefetch near the pool share.
                // Service-wide defaults; MassTransit sizes a batch consumer's endpoint for its batches.
                rabbit.PrefetchCount = settings.PrefetchCount;
                rabbit.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                if (pingDiagnostics) rabbit.ConfigurePingTopology();
                // Every exchange of the events this service publishes exists once it has started, before its first
                // event: a partner that binds a queue at start finds them, and misses nothing published after.
                foreach (var published in publishes ?? []) rabbit.Publish(published);
                rabbit.DeployPublishTopology = true;
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}

public sealed class MessagingSettings
{
    /// <summary>Redelivery delays unless configured: 17 min 35 s in all, for a database away for longer than a minute.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRedeliveryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
    ];

    private static readonly int[] DefaultRetryIntervals = [200, 1000, 3000];

    public int ImmediateRetries { get; set; } = 2;

    /// <summary>In-process retry intervals in milliseconds, after the immediate ones (default 200, 1000, 3000).</summary>
    /// <remarks>
    /// Null unless configured: the configuration binder adds configured array items to the ones a property already
    /// holds, so a default here would be kept in front of the configured intervals.
    /// </remarks>
    public int[]? RetryIntervals { get; set; }

    /// <summary>
    /// How long a message that still fails after the in-process retries waits in the broker before each redelivery
    /// (<c>Messaging:RedeliveryDelays:0 = 00:00:05</c> …); after the last one it goes to <c>_error</c>. Null unless
    /// configured, for the reason given at <see cref="RetryIntervals"/>.
    /// </summary>
    public TimeSpan[]? RedeliveryDelays { get; set; }

    public int PrefetchCount { get; set; } = 32;

    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>The in-process retry intervals in force: the configured ones, or 200 ms, 1 s, 3 s.</summary>
    public IReadOnlyList<TimeSpan> InProcessRetryIntervals =>
        (RetryIntervals is { Length: > 0 } configured ? configured : DefaultRetryIntervals)
            .Select(ms => TimeSpan.FromMilliseconds(ms)).ToList();

    /// <summary>The delays in force: the configured ones, or <see cref="DefaultRedeliveryDelays"/>.</summary>
    public IReadOnlyList<TimeSpan> Redeliveries => RedeliveryDelays is { Length: > 0 } configured ? configured : DefaultRedeliveryDelays;
}
