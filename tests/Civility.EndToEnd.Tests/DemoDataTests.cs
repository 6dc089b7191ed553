using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Civility.DemoData;
using Civility.Domain.Time;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// The demo data set, loaded in-process through the fixture's gateway with the admin client's secret, the way the
/// app host's <c>demo-data</c> resource loads it: everything it promises is there through the APIs, no ID number is
/// shown in clear, and a second load finds it and creates nothing.
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class DemoDataTests(CivilityAppFixture fixture, ITestOutputHelper output) : DemoDataLoad(fixture, output);

/// <summary>The demo data load on any stack, at the stack's date: it loads at any date.</summary>
public abstract class DemoDataLoad(CivilityAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_data_set_loads_once_through_the_public_apis()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var secret = await fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == "civility-admin-secret").GetValueAsync(timeout.Token);
        var recorder = new RecordingHandler();
        using var gateway = new HttpClient(recorder) { BaseAddress = fixture.Gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var loader = new DemoDataLoader(gateway, "civility-admin", secret!, clock: fixture.Clock);

        // A load stopped half-way (here after 105 requests, while the unit confirms the imported hours) ...
        using (var interrupted = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token))
        {
            recorder.CancelAfter(105, interrupted);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(interrupted.Token));
        }
        // ... is completed by the next one, without doubling anything.
        var first = await loader.LoadAsync(timeout.Token);
        output.WriteLine(first.Summary());
        Assert.False(first.AlreadyLoaded);
        Assert.True(first.Resumed);
        Assert.Empty(first.Warnings); // every step answered as planned, and the events (star, red-list proposals) arrived
        Assert.False(first.Created.ContainsKey("volunteers volunteers"));
        Assert.False(first.Created.ContainsKey("volunteers service-records")); // the import sent again added nothing

        using var admin = await fixture.ClientAsync("civility-admin");
        var year = fixture.Clock.CountyYear();

        // Units with this year's headcounts and their volunteers: some units on target, some behind.
        var units = (await Read(admin, "/api/volunteers/units")).EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.All(DemoDataLoader.UnitCodes, code => Assert.Contains(code, units));
        var volunteers = 0L;
        foreach (var code in DemoDataLoader.UnitCodes)
            volunteers += (await Read(admin, $"/api/volunteers?unitCode={code}&pageSize=200")).GetProperty("total").GetInt64();
        Assert.Equal(40, volunteers);
        var targets = (await Read(admin, $"/api/volunteers/reports/targets?year={year}")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        // Some units on target once the year is under way; in its first weeks the demo's service is mostly last year's.
        if (DemoDataLoader.SpreadsOverItsYear(fixture.Clock.CountyToday()))
        {
            Assert.Equal("met", targets["DEMO-HOSP"].GetProperty("status").GetString());
            Assert.Equal("met", targets["DEMO-TCM"].GetProperty("status").GetString());
        }
        else
        {
            Assert.All(targets.Values, t => Assert.False(t.GetProperty("hoursMet").GetBoolean()));
        }
        Assert.Equal("behind", targets["DEMO-CDC"].GetProperty("status").GetString());
        Assert.True(targets["DEMO-HEALTH-1"].GetProperty("registrationMet").GetBoolean());
        Assert.False(targets["DEMO-HEALTH-1"].GetProperty("hoursMet").GetBoolean());
        var star = (await Read(admin, $"/api/volunteers?unitCode=DEMO-HOSP&name={Uri.EscapeDataString("李建国")}"))
            .GetProperty("items")[0];
        Assert.Equal(1, star.GetProperty("stars").GetInt32());
        foreach (var status in new[] { "pending", "approved", "declined", "voided" })
            Assert.True((await Read(admin, $"/api/volunteers/service-records?status={status}&pageSize=1"))
                .GetProperty("total").GetInt64() > 0, status);

        // Nominations in every state of the workflow, one suspended by an objection; the commended on the public board.
        var rounds = (await Read(admin, $"/api/moral-models/rounds?year={year}&pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("name").GetString()!.Contains("全县卫生健康系统", StringComparison.Ordinal))
            .Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, rounds.Count);
        var nominations = new List<JsonElement>();
        foreach (var round in rounds)
            nominations.AddRange((await Read(admin, $"/api/moral-models/nominations?roundId={round}&pageSize=200"))
                .GetProperty("items").EnumerateArray());
        var states = nominations.Select(n => n.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "nominated", "under-review", "in-publicity", "suspended", "selected", "rejected", "commended" }, states);
        var suspended = Assert.Single(nominations, n => n.GetProperty("status").GetString() == "suspended");
        Assert.Contains("objection", suspended.GetProperty("suspensionReason").GetString()!, StringComparison.OrdinalIgnoreCase);
        var board = await Read(fixture.Gateway, "/api/moral-models/public/boards/good-deeds");
        Assert.Contains(board.GetProperty("items").EnumerateArray(), n => n.GetProperty("nomineeName").GetString() == "陈秀英");
        Assert.NotEmpty((await Read(admin, "/api/moral-models/commendations")).GetProperty("items").EnumerateArray());

        // Credit entries in every state; the active black-list entries are in the anonymous public query, masked.
        var entries = (await Read(admin, "/api/credit/entries?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Superset(new HashSet<string?> { "proposed", "notified", "active", "repaired", "revoked" },
            entries.Select(e => e.GetProperty("status").GetString()).ToHashSet());
        Assert.Contains(entries, e => e.GetProperty("underObjection").GetBoolean() && e.GetProperty("status").GetString() == "active");
        var clinic = (await Read(fixture.Gateway, $"/api/credit/public/entries?name={Uri.EscapeDataString("城关康宁诊所")}"))
            .GetProperty("items");
        Assert.Equal("black", Assert.Single(clinic.EnumerateArray()).GetProperty("listType").GetString());
        var tout = Assert.Single((await Read(fixture.Gateway, $"/api/credit/public/entries?name={Uri.EscapeDataString("钱立新")}"))
            .GetProperty("items").EnumerateArray());
        Assert.Matches("^3307\\*{10}[0-9]{3}[0-9X]$", tout.GetProperty("identifier").GetString()!);
        Assert.Empty((await Read(fixture.Gateway,
                $"/api/credit/public/entries?name={Uri.EscapeDataString("县仁和口腔门诊部有限公司")}"))
            .GetProperty("items").EnumerateArray());

        // Civilized units paired with villages and communities; the double-pairing report names the units lacking a side.
        var pairings = (await Read(admin, "/api/pairing/pairings?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("unitCode").GetString()!.StartsWith("DEMO-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, pairings.Count);
        var gaps = (await Read(admin, "/api/pairing/reports/double-pairing?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(g => g.GetProperty("unitCode").GetString()).ToList();
        Assert.Contains("DEMO-CDC", gaps);
        Assert.Contains("DEMO-MCH", gaps);
        Assert.DoesNotContain("DEMO-HOSP", gaps);
        var completed = (await Read(admin, "/api/pairing/activities?status=completed&pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(completed, a => a.GetProperty("unitCode").GetString() == "DEMO-HOSP"
            && a.GetProperty("category").GetString() == "free-clinic");

        // No ID number of the data set in clear: not in any answer the loader or this test read, nor in any log line.
        await Read(admin, "/api/volunteers?unitCode=DEMO-HOSP&pageSize=200");
        await Read(admin, "/api/credit/subjects?pageSize=200");
        foreach (var nomination in nominations)
            await Read(admin, $"/api/moral-models/nominations/{nomination.GetProperty("id").GetGuid()}");
        foreach (var id in DemoDataLoader.IdNumbers)
        {
            Assert.DoesNotContain(recorder.Bodies, body => body.Contains(id, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(_responses, body => body.Contains(id, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(fixture.LogLines, line => line.Contains(id, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains(recorder.Bodies, body => body.Contains("\"maskedIdNumber\":\"3307**********", StringComparison.Ordinal));

        // Loaded once: a second load finds the marker and creates nothing.
        var before = await CountsAsync(admin);
        var second = await loader.LoadAsync(timeout.Token);
        output.WriteLine(second.Summary());
        Assert.True(second.AlreadyLoaded);
        Assert.Equal(0, second.TotalCreated);
        Assert.Equal(before, await CountsAsync(admin));
    }

    /// <summary>How many of each thing the data set makes there are, through the APIs.</summary>
    private async Task<string> CountsAsync(HttpClient admin)
    {
        var counts = new List<string> { $"units={(await Read(admin, "/api/volunteers/units")).GetArrayLength()}" };
        foreach (var path in new[]
        {
            "/api/volunteers", "/api/volunteers/service-records", "/api/moral-models/rounds", "/api/moral-models/commendations",
            "/api/credit/subjects", "/api/credit/entries", "/api/credit/objections", "/api/credit/repairs", "/api/pairing/civilized-units",
            "/api/pairing/places", "/api/pairing/pairings", "/api/pairing/activities", "/api/pairing/creation-tasks",
        })
            counts.Add($"{path}={(await Read(admin, $"{path}?pageSize=1")).GetProperty("total").GetInt64()}");
        var nominations = 0L;
        foreach (var round in (await Read(admin, "/api/moral-models/rounds?pageSize=200")).GetProperty("items").EnumerateArray())
            nominations += (await Read(admin, $"/api/moral-models/nominations?roundId={round.GetProperty("id").GetGuid()}&pageSize=1"))
                .GetProperty("total").GetInt64();
        counts.Add($"nominations={nominations}");
        return string.Join(", ", counts);
    }

    private readonly ConcurrentQueue<string> _responses = new();

    private async Task<JsonElement> Read(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        _responses.Enqueue(body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Keeps every response body the loader reads, to look for ID numbers in clear; can stop a load after n requests.</summary>
    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _requests;
        private (int After, CancellationTokenSource Source)? _interrupt;

        public ConcurrentQueue<string> Bodies { get; } = new();

        public void CancelAfter(int requests, CancellationTokenSource source) =>
            _interrupt = (Volatile.Read(ref _requests) + requests, source);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Bodies.Enqueue(await response.Content.ReadAsStringAsync(cancellationToken));
            if (Interlocked.Increment(ref _requests) == _interrupt?.After) await _interrupt.Value.Source.CancelAsync();
            return response;
        }
    }
}
