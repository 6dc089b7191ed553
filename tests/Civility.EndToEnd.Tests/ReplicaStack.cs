using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Civility.EndToEnd.Tests;

// The stack with two replicas of every long-running project (Scale:Replicas=2): the county year's scenario and the
// README tour pass as they do with one, and losing a replica in the middle of the event flow loses nothing and
// applies nothing twice.

/// <summary>Two replicas of every service, of the token server and of the gateway, behind the orchestrator's proxy.</summary>
public sealed class TwoReplicaStack : CivilityAppFixture
{
    protected override IEnumerable<string> MoreSettings => ["Scale:Replicas=2"];

    /// <summary>
    /// Each project's healthy running replicas, by resource name (instance id → the orchestrator's snapshot of it), once
    /// every project has two, or what there is at the deadline (the caller's assertion says which are missing).
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, CustomResourceSnapshot>>> HealthyReplicasAsync(
        CancellationToken cancellationToken)
    {
        var running = Projects.ToDictionary(p => p, _ => new Dictionary<string, CustomResourceSnapshot>());
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
            {
                if (!running.TryGetValue(update.Resource.Name, out var replicas)) continue;
                var snapshot = update.Snapshot;
                if (snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy
                    && snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null))
                    replicas[update.ResourceId] = snapshot;
                else
                    replicas.Remove(update.ResourceId);
                if (running.Values.All(r => r.Count >= 2)) break;
            }
        }
        catch (OperationCanceledException)
        {
            // Fewer replicas than expected by the deadline.
        }
        return running;
    }
}

[CollectionDefinition(Name)]
public sealed class TwoReplicaStackCollection : ICollectionFixture<TwoReplicaStack>
{
    public const string Name = "Civility app host with two replicas";
}

[Collection(TwoReplicaStackCollection.Name)]
public sealed class ScenarioWithTwoReplicasTests(TwoReplicaStack fixture) : CountyYearScenario(fixture);

[Collection(TwoReplicaStackCollection.Name)]
public sealed class ReadmeTourWithTwoReplicasTests(TwoReplicaStack fixture, Xunit.Abstractions.ITestOutputHelper log)
    : ReadmeTour(fixture, log);

[Collection(TwoReplicaStackCollection.Name)]
public sealed class ReplicaTests(TwoReplicaStack fixture)
{
    private static readonly Dictionary<string, string> Schemas = new()
    {
        ["volunteers"] = "volunteers", ["moral-models"] = "moral_models", ["credit"] = "credit", ["pairing"] = "pairing",
    };

    [Fact]
    public async Task Every_long_running_project_runs_two_healthy_replicas_after_one_migration_step()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var replicas = await RunningReplicasAsync(timeout.Token);
        foreach (var project in CivilityAppFixture.Projects)
            Assert.True(replicas.TryGetValue(project, out var running) && running.Count == 2,
                $"{project}: {(replicas.TryGetValue(project, out var r) ? r.Count : 0)} replicas running");

        // The migration step ran once and finished; no service applied a migration itself.
        await fixture.App.ResourceNotifications.WaitForResourceAsync("migrations", KnownResourceStates.Finished, timeout.Token);
        Assert.DoesNotContain(fixture.LogLines, line => line.Contains("Applied ", StringComparison.Ordinal)
            && line.Contains(" migrations to ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killing_a_replica_of_each_service_mid_flow_loses_no_event_and_applies_none_twice()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var replicas = await RunningReplicasAsync(timeout.Token);
        var killed = Schemas.Keys.Select(service => replicas[service][0]).ToList();

        // Pings to every service from every service, through the outboxes, in rounds; after the second round one
        // replica of each service is killed while the rest are still being raised, published and consumed.
        var raised = new List<Guid>();
        for (var round = 0; round < 8; round++)
        {
            await Task.WhenAll(Schemas.Keys.Select(async area =>
            {
                var ids = await RaiseAsync(admin, area, 50);
                lock (raised) raised.AddRange(ids);
            }));
            if (round == 1)
                foreach (var replica in killed) Assert.Equal(0, LocalServers.Kill(replica.Pid, LocalServers.Sigkill));
        }

        // Every service applies every ping exactly once, whichever replica took it, whatever was in flight when killed.
        foreach (var (service, schema) in Schemas)
        {
            await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync($"{service}-db"));
            await connection.OpenAsync();
            (long Rows, long Distinct) counted = default;
            await Polling.UntilAsync(async () =>
            {
                counted = await CountAsync(connection, schema, raised);
                return counted.Distinct == raised.Count ? "all" : null;
            }, TimeSpan.FromMinutes(3), $"{service} applies {raised.Count} pings (has {counted.Distinct})");
            await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would land right after the original
            Assert.Equal((raised.Count, raised.Count), await CountAsync(connection, schema, raised));
        }

        // Requests still succeed through the gateway: the proxy sends them to the replica that lives.
        using var units = await admin.GetAsync("/api/volunteers/units");
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);

        // The operator starts the lost replicas again (the orchestrator does not by itself), for the collection's other tests.
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        foreach (var replica in killed)
            Assert.True((await commands.ExecuteCommandAsync(replica.InstanceId, "resource-start")).Success,
                $"{replica.InstanceId} restarts");
        using var restart = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var again = await RunningReplicasAsync(restart.Token);
        Assert.All(Schemas.Keys, service => Assert.Equal(2, again[service].Count));
    }

    /// <summary>
    /// Raises <paramref name="count"/> pings from a service; a request that reached the replica just killed is sent again
    /// (the pings it may have committed are not counted: only the ids answered are).
    /// </summary>
    private static async Task<IEnumerable<Guid>> RaiseAsync(HttpClient admin, string area, int count)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await admin.PostAsJsonAsync($"/api/{area}/diagnostics/pings", new { note = "replica-kill", count });
            if (response.StatusCode == HttpStatusCode.Created)
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pingIds").EnumerateArray()
                    .Select(e => e.GetGuid()).ToList();
            Assert.True(attempt < 5 && (int)response.StatusCode >= 500,
                $"{area}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<(long Rows, long Distinct)> CountAsync(NpgsqlConnection connection, string schema, List<Guid> ids)
    {
        await using var count = new NpgsqlCommand(
            $"SELECT count(*), count(DISTINCT ping_id) FROM {schema}.received_pings WHERE ping_id = ANY($1)", connection)
        {
            Parameters = { new() { Value = ids.ToArray() } },
        };
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Each project's healthy running replicas (instance id and process id), by resource name.</summary>
    private async Task<Dictionary<string, List<(string InstanceId, int Pid)>>> RunningReplicasAsync(CancellationToken cancellationToken) =>
        (await fixture.HealthyReplicasAsync(cancellationToken)).ToDictionary(project => project.Key, project => project.Value
            .Select(replica => (replica.Key, int.Parse(replica.Value.Properties.Single(p => p.Name == "executable.pid").Value!
                .ToString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList());
}
