using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Civility.Hosting.Metrics;

/// <summary>One value of a business gauge, with the tags that split it (unit, status, tier…).</summary>
public sealed record GaugeReading(long Value, params KeyValuePair<string, object?>[] Tags);

/// <summary>
/// Business figures an administrator watches on the dashboard (volunteers registered, hours approved, nominations by
/// state, active listings by tier), as OpenTelemetry gauges read from the service's own database every few seconds
/// by one background refresher — never on the request path.
/// </summary>
public static class BusinessMetrics
{
    public const string MeterName = "Civility.Business";

    internal static readonly Meter Meter = new(MeterName);

    public static IServiceCollection AddBusinessGauge<TContext>(this IServiceCollection services, string name, string unit,
        string description, Func<TContext, CancellationToken, Task<IReadOnlyList<GaugeReading>>> read)
        where TContext : DbContext =>
        services.AddBusinessGauge<TContext>(name, unit, description, (db, _, ct) => read(db, ct));

    /// <summary>A gauge whose figure depends on the date ("this year"): it reads the service's clock, as requests do.</summary>
    public static IServiceCollection AddBusinessGauge<TContext>(this IServiceCollection services, string name, string unit,
        string description, Func<TContext, TimeProvider, CancellationToken, Task<IReadOnlyList<GaugeReading>>> read)
        where TContext : DbContext
    {
        services.AddSingleton(new BusinessGauge<TContext>(name, unit, description, read));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BusinessGaugeRefresher<TContext>>());
        return services;
    }
}

public sealed class BusinessGauge<TContext> where TContext : DbContext
{
    private IReadOnlyList<GaugeReading> _latest = [];

    internal BusinessGauge(
        string name, string unit, string description,
        Func<TContext, TimeProvider, CancellationToken, Task<IReadOnlyList<GaugeReading>>> read)
    {
        Name = name;
        Read = read;
        BusinessMetrics.Meter.CreateObservableGauge(
            name, () => _latest.Select(r => new Measurement<long>(r.Value, r.Tags)), unit, description);
    }

    public string Name { get; }

    internal Func<TContext, TimeProvider, CancellationToken, Task<IReadOnlyList<GaugeReading>>> Read { get; }

    internal void Update(IReadOnlyList<GaugeReading> readings) => _latest = readings;
}

internal sealed class BusinessGaugeRefresher<TContext>(
    IEnumerable<BusinessGauge<TContext>> gauges, IServiceScopeFactory scopes, ILogger<BusinessGaugeRefresher<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var gauge in gauges)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    gauge.Update(await gauge.Read(scope.ServiceProvider.GetRequiredService<TContext>(),
                        scope.ServiceProvider.GetRequiredService<TimeProvider>(), stoppingToken));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Could not read the business gauge {Gauge}", gauge.Name);
                }
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
