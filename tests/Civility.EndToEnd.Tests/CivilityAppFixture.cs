using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Civility.EndToEnd.Tests.Telemetry;
using Civility.ServiceDefaults.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// The whole app host in local mode (PostgreSQL and RabbitMQ as processes, no containers), started once for the
/// collection in a throwaway data folder, and stopped with every process it started when the collection ends. A
/// derived fixture may run the stack at another date (<see cref="StackNow"/>).
/// </summary>
public class CivilityAppFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["volunteers", "moral-models", "credit", "pairing", "webhooks"];
    public static readonly string[] Resources = ["postgres", "rabbitmq", "identity", .. Services, "portal", "gateway"];
    public static readonly string[] Projects = ["identity", .. Services, "portal", "gateway"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"civility-e2e-{Guid.NewGuid():N}"[..24]);

    /// <summary>Anonymous requests allowed per address and minute at the gateway in this run.</summary>
    public const int AnonymousPermits = 100;

    /// <summary>Token requests per client id per minute on the test stack (every test asks for tokens of a few clients).</summary>
    public const int TokenPermitsPerClient = 300;

    public string DataDirectory => _dataDirectory;

    /// <summary>More app host settings for a derived fixture's stack (<c>Key=value</c>).</summary>
    protected virtual IEnumerable<string> MoreSettings => [];

    /// <summary>The county time the stack starts at (through the app host's <c>Clock:Offset</c>); null for the real time.</summary>
    protected virtual DateTimeOffset? StackNow => null;

    /// <summary>The stack's clock, for what the tests compute themselves: "today", "this year", a voting window.</summary>
    public TimeProvider Clock { get; private set; } = TimeProvider.System;

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A unit-scoped client of this run only, for the README tour, acting for unit <see cref="TourUnit"/>.</summary>
    public const string TourClient = "tour-unit", TourUnit = "TOUR-A";

    public string TourClientSecret { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>A client's secret in this run: a development client's Aspire parameter, or the tour client's.</summary>
    public async Task<string> ClientSecretAsync(string clientId) => clientId == TourClient
        ? TourClientSecret
        : (await App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == $"{clientId}-secret").GetValueAsync(default))!;

    /// <summary>Where the voting codes the moral-model service sends arrive in this run.</summary>
    public SmsInbox Sms { get; } = new();

    /// <summary>Where every project exports its traces, metrics and logs (OTLP/HTTP) in this run.</summary>
    public OtlpReceiver Telemetry { get; } = new();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await Telemetry.StartAsync();
        string[] settings = ["Infra:Mode=local", $"Infra:DataDir={_dataDirectory}", "Infra:PostgresFsync=off", "Gateway:Port=random",
            "Infra:RabbitMQPort=random", "Demo:Load=false",
            $"Gateway:RateLimits:AnonymousPermits={AnonymousPermits}", $"Gateway:RateLimits:TokenPermitsPerClient={TokenPermitsPerClient}",
            // The tests stand for residents behind a county's proxy (loopback here): each test's X-Forwarded-For is its own caller.
            "Gateway:TrustedProxies:0=127.0.0.1", "Gateway:TrustedProxies:1=::1", .. MoreSettings];
        if (StackNow is { } stackNow)
        {
            var offset = stackNow - TimeProvider.System.GetUtcNow();
            Clock = new ShiftedTimeProvider(TimeProvider.System, offset);
            settings = [.. settings, $"Clock:Offset={offset.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}"];
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Civility_AppHost>(settings, timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // The scenario lives through a county year in minutes: a listing becomes active the day it is notified, and a
        // publicity window may close as it opens.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "credit"))
            .WithEnvironment("CreditList__StatementPeriodWorkingDays", "0");
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "moral-models"))
            .WithEnvironment("MoralModels__MinimumPublicityDays", "0")
            // Voting codes go out through the service's real HTTP sender into this run's inbox (the voters' phones).
            .WithEnvironment("Sms__Provider", "Http")
            .WithEnvironment("Sms__Endpoint", Sms.Endpoint.ToString())
            // Every test's public request comes from this machine's one address: the service's per-address limits are
            // raised as the gateway's are (AuthorizationTests checks the gateway's; the service's are its own tests').
            .WithEnvironment("MoralModels__PublicLimits__Votes__PerAddress__Permits", "100000")
            .WithEnvironment("MoralModels__PublicLimits__VoteCodes__PerAddress__Permits", "100000")
            .WithEnvironment("MoralModels__PublicLimits__Objections__PerAddress__Permits", "100000");
        // The README tour's own unit-scoped client, so its data cannot meet the scenario's UNIT-A and UNIT-B.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "identity"))
            .WithEnvironment($"Identity__Clients__{TourClient}__Secret", TourClientSecret)
            .WithEnvironment($"Identity__Clients__{TourClient}__Scopes",
                "volunteers.read volunteers.write moral.read moral.write credit.read pairing.read pairing.write")
            .WithEnvironment($"Identity__Clients__{TourClient}__UnitId", TourUnit);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            builder.CreateResourceBuilder(project).WithTelemetryExportedTo(Telemetry);
        App = await builder.BuildAsync(timeout.Token);
        CaptureLogs();
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = App.CreateHttpClient("gateway", "http");
    }

    public async Task<string?> ConnectionStringAsync(string resource) => await App.GetConnectionStringAsync(resource);

    /// <summary>An Aspire parameter's value in this run (a generated development secret, say).</summary>
    public async Task<string> ParameterAsync(string name) =>
        await App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == name).GetValueAsync(default) ?? throw new InvalidOperationException($"Parameter {name} has no value.");

    /// <summary>The stack's broker as partner app <paramref name="partner"/> reaches it: its own user and password.</summary>
    public async Task<Uri> PartnerBrokerUriAsync(string partner)
    {
        var services = new Uri((await ConnectionStringAsync("rabbitmq"))!);
        var password = Uri.EscapeDataString(await ParameterAsync($"partner-{partner}-password"));
        return new UriBuilder(services) { UserName = $"partner-{partner}", Password = password }.Uri;
    }

    /// <summary>Every line the services logged so far (console and structured), for checks such as "no ID number in clear".</summary>
    public IReadOnlyCollection<string> LogLines => [.. _logLines];

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _logLines = new();

    private void CaptureLogs()
    {
        // Logs are kept per running instance (the orchestrator's resource id, e.g. "volunteers-xkcd"), not per resource
        // name: follow each instance of our processes as the notifications name it.
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var watched = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var ours = Services.Append("gateway").Append("identity").Append("portal").ToHashSet();
        _ = Task.Run(async () =>
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync())
            {
                if (!ours.Contains(update.Resource.Name) || !watched.TryAdd(update.ResourceId, true)) continue;
                var service = update.Resource.Name;
                var instance = update.ResourceId;
                _ = Task.Run(async () =>
                {
                    await foreach (var batch in logs.WatchAsync(instance))
                        foreach (var line in batch) _logLines.Enqueue($"{service}: {line.Content}");
                });
            }
        });
    }

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>A token for one of the development clients, from the gateway's token endpoint.</summary>
    public async Task<string> TokenAsync(string clientId, string? scope = null)
    {
        var key = $"{clientId} {scope}";
        lock (_tokens)
        {
            if (_tokens.TryGetValue(key, out var cached)) return cached;
        }
        var secret = await App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == $"{clientId}-secret").GetValueAsync(default);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret!,
        };
        if (scope is not null) form["scope"] = scope;
        using var response = await Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString()!;
        lock (_tokens) _tokens[key] = token;
        return token;
    }

    /// <summary>An HTTP client for the gateway that sends a development client's token.</summary>
    public async Task<HttpClient> ClientAsync(string clientId, string? scope = null)
    {
        var client = App.CreateHttpClient("gateway", "http");
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(clientId, scope));
        return client;
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        // After the app: the services flush their last telemetry as they stop.
        Sms.Dispose();
        await Telemetry.DisposeAsync();
        await AssertNoServerProcessLeftAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>PostgreSQL, RabbitMQ and epmd must all be gone once the app host stopped.</summary>
    private async Task AssertNoServerProcessLeftAsync()
    {
        var deadline = Stopwatch.StartNew();
        List<string> left;
        do
        {
            left = ProcessesMentioning(_dataDirectory);
            if (left.Count == 0) return;
            await Task.Delay(250);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(20));
        throw new InvalidOperationException($"Processes left behind after the app host stopped: {string.Join("; ", left)}");
    }

    internal static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(dir, "environ"));
                if (commandLine.Contains(text, StringComparison.Ordinal) || environment.Contains(text, StringComparison.Ordinal))
                    found.Add($"{pid} {commandLine.Trim()}");
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}

[CollectionDefinition(Name)]
public sealed class CivilityAppCollection : ICollectionFixture<CivilityAppFixture>
{
    public const string Name = "Civility app host";
}
