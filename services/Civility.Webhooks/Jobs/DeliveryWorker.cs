using Civility.Webhooks.Application;
using Civility.Webhooks.Application.Deliveries;
using Civility.Webhooks.Application.Sending;
using Civility.Webhooks.Data;
using Microsoft.Extensions.Options;

namespace Civility.Webhooks.Jobs;

/// <summary>
/// Sends the deliveries that are due, <see cref="WebhookOptions.MaxConcurrentDeliveries"/> at a time, each to another
/// subscription (<see cref="DeliverNext"/>); with nothing due, it waits for a new event or the next poll. Safe beside
/// other replicas: each delivery is claimed before it is sent.
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<WebhookOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentDeliveries)).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool attempted;
                await using (var scope = scopes.CreateAsyncScope())
                    attempted = await scope.ServiceProvider.GetRequiredService<DeliverNext>().ExecuteAsync(stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                if (!attempted) await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database away, most likely: what was claimed comes back when its lease ends.
                logger.LogWarning(ex, "Webhook delivery failed outside an attempt; trying again in {Backoff}", backoff);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}

public static class DeliveryRegistration
{
    /// <summary>
    /// Settings (<c>Webhooks:*</c>), the target policy, the sender and the workers. Private targets are for development and
    /// tests: anywhere else the service does not start with them allowed.
    /// </summary>
    public static WebApplicationBuilder AddWebhookDelivery(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WebhookOptions.Section);
        var settings = section.Get<WebhookOptions>() ?? new WebhookOptions();
        if (settings.AllowPrivateTargets && !(builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")))
            throw new InvalidOperationException(
                "Webhooks:AllowPrivateTargets is for development and tests: it would let a webhook reach the county's own network.");
        if (settings.PauseAfterConsecutiveFailures < 1)
            throw new InvalidOperationException("Webhooks:PauseAfterConsecutiveFailures is at least 1.");
        builder.Services.Configure<WebhookOptions>(section);
        builder.Services.AddSingleton<IHostResolver, DnsHostResolver>();
        builder.Services.AddSingleton<TargetPolicy>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<DeliverySignalInterceptor>();
        builder.Services.ConfigureDbContext<WebhooksDbContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<DeliverySignalInterceptor>()));
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }
}
