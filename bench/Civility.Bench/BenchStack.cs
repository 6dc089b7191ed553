using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Civility.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Civility.Bench;

/// <summary>
/// The whole stack, started through the app host (Aspire.Hosting.Testing) in local mode in a throwaway data folder;
/// disposing it stops every process it started and deletes the folder.
/// </summary>
internal sealed class BenchStack : IAsyncDisposable
{
    public static readonly string[] Resources =
        ["postgres", "rabbitmq", "identity", "volunteers", "moral-models", "credit", "pairing", "webhooks", "portal", "gateway"];

    private BenchStack(DistributedApplication app, string dataDirectory, SmsInbox sms)
    {
        App = app;
        DataDirectory = dataDirectory;
        Sms = sms;
    }

    /// <summary>Where the voting codes the moral-model service sends arrive.</summary>
    public SmsInbox Sms { get; }

    public DistributedApplication App { get; }

    /// <summary>Where PostgreSQL and RabbitMQ keep their data in this run; the hours CSV is written here too.</summary>
    public string DataDirectory { get; }

    /// <summary>Where the portal's benchmark writes the static copies its baseline serves.</summary>
    public string StaticBaselineDirectory { get; private init; } = "";

    /// <summary>App host start to all resources healthy.</summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>When the app host was built and when each resource first reported healthy: where the start-up time goes.</summary>
    public string StartUpDetail { get; private set; } = "";

    /// <summary>The stack with <paramref name="replicas"/> replicas of every service, the token server and the gateway.</summary>
    public static async Task<BenchStack> StartAsync(int replicas = 1)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"civility-bench-{Guid.NewGuid():N}"[..26]);
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Civility_AppHost>(
            ["Infra:Mode=local", $"Infra:DataDir={dataDirectory}", "Gateway:Port=random", "Infra:RabbitMQPort=random", "Demo:Load=false",
             "Gateway:RateLimits:AnonymousPermits=100000000", "Gateway:RateLimits:AuthenticatedPermits=100000000",
             $"Scale:Replicas={replicas}"],
            startTimeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Http", LogLevel.None)
            .AddFilter("Polly", LogLevel.None)
            .AddFilter("Civility.AppHost.Resources", LogLevel.None)
            .AddFilter("System.Net.Http", LogLevel.None)
            .AddFilter("Aspire", LogLevel.Warning)
            .AddFilter("Civility", LogLevel.Warning));
        // No statement period, so the public credit query's entries can be notified and activated at once, and are
        // published while the benchmark runs (the same switch the end-to-end tests use).
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "credit"))
            .WithEnvironment("CreditList__StatementPeriodWorkingDays", "0");
        // Votes are verified by codes, sent by the service's real HTTP sender to the bench's inbox. One client address
        // (this process) casts every vote, so the service's public limits are lifted as the gateway's are; codes live
        // long enough to be issued for every voter before the timed run.
        var sms = new SmsInbox();
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "moral-models"))
            .WithEnvironment("Sms__Provider", "Http")
            .WithEnvironment("Sms__Endpoint", sms.Endpoint.ToString())
            .WithEnvironment("MoralModels__VoteCodes__Lifetime", "01:00:00")
            .WithEnvironment("MoralModels__PublicLimits__Votes__PerAddress__Permits", "100000000")
            .WithEnvironment("MoralModels__PublicLimits__Votes__PerNomination__Permits", "100000000")
            .WithEnvironment("MoralModels__PublicLimits__VoteCodes__PerAddress__Permits", "100000000")
            .WithEnvironment("MoralModels__PublicLimits__VoteCodes__PerNomination__Permits", "100000000");
        // The portal serves static copies of its pages from here, the baseline of its benchmark; a window of 0 days lets
        // that benchmark commend models at once.
        var staticBaseline = Directory.CreateDirectory(Path.Combine(dataDirectory, "portal-static")).FullName;
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "portal"))
            .WithEnvironment("Portal__StaticBaselineDirectory", staticBaseline);
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "moral-models"))
            .WithEnvironment("MoralModels__MinimumPublicityDays", "0");
        var stack = new BenchStack(await builder.BuildAsync(startTimeout.Token), dataDirectory, sms)
        {
            StaticBaselineDirectory = staticBaseline,
        };
        try
        {
            await stack.WaitUntilHealthyAsync(clock, startTimeout.Token);
            return stack;
        }
        catch
        {
            await stack.AbandonAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        var builtAt = clock.Elapsed;
        var healthyAt = new List<(string Resource, TimeSpan At)>();
        using var watchStop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in App.ResourceNotifications.WatchAsync(watchStop.Token))
                    if (e.Snapshot.HealthStatus == HealthStatus.Healthy)
                        lock (healthyAt)
                            if (!healthyAt.Any(h => h.Resource == e.Resource.Name)) healthyAt.Add((e.Resource.Name, clock.Elapsed));
            }
            catch (OperationCanceledException)
            {
            }
        });
        await App.StartAsync(cancellationToken);
        await Task.WhenAll(Resources.Select(r => App.ResourceNotifications.WaitForResourceHealthyAsync(r, cancellationToken)));
        StartUp = clock.Elapsed;
        await watchStop.CancelAsync();
        await watch;
        lock (healthyAt)
            StartUpDetail = $"app host built {builtAt.TotalSeconds:F1} s; healthy at: "
                + string.Join(", ", healthyAt.Where(h => Resources.Contains(h.Resource)).OrderBy(h => h.At)
                    .Select(h => $"{h.Resource} {h.At.TotalSeconds:F1} s"));
    }

    public Uri Endpoint(string resource) => App.GetEndpoint(resource, "http");

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"No {resource} connection string.");

    /// <summary>A client-credentials token for one of the development clients, from the gateway's token endpoint.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        var secret = await App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == $"{clientId}-secret").GetValueAsync(default);
        using var client = App.CreateHttpClient("gateway", "http");
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret!,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// After a failed start: whatever did start (PostgreSQL, RabbitMQ, some services) must not outlive the run, and a
    /// failure to stop must not hide why the start failed.
    /// </summary>
    private async Task AbandonAsync()
    {
        try
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await App.StopAsync(stopTimeout.Token);
            await App.DisposeAsync();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Stopping the stack after the failed start: {e.GetType().Name}: {e.Message}");
        }
        Sms.Dispose();
        DeleteDataDirectory();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Sms.Dispose();
        DeleteDataDirectory();
    }

    private void DeleteDataDirectory()
    {
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
