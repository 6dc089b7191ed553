using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Civility.Domain.PersonalData;
using Xunit.Abstractions;

namespace Civility.EndToEnd.Tests.HostileSweep;

/// <summary>A stack of the sweep's own (what it creates meets no other test), with the gateway's rate limits out of its way.</summary>
public sealed class HostileSweepStack : CivilityAppFixture
{
    protected override IEnumerable<string> MoreSettings =>
        ["Gateway:RateLimits:AnonymousPermits=1000000", "Gateway:RateLimits:AuthenticatedPermits=1000000"];
}

[CollectionDefinition(Name)]
public sealed class HostileSweepCollection : ICollectionFixture<HostileSweepStack>
{
    public const string Name = "Civility app host for the hostile sweep";
}

/// <summary>
/// Every operation of the four OpenAPI documents, read from the running stack, sent hostile values as an
/// administrator, as a unit client and anonymously: no answer may be a server error, every error must be problem
/// details, and no answer may hold a citizen ID number in clear.
/// </summary>
[Collection(HostileSweepCollection.Name)]
public sealed partial class HostileSweepTests(HostileSweepStack fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_operation_answers_a_hostile_request_with_a_server_error_an_error_that_is_not_problem_details_or_an_id_number()
    {
        var operations = new List<ApiOperation>();
        foreach (var service in CivilityAppFixture.Services) operations.AddRange(await ApiOperations.ReadAsync(fixture.Gateway, service));
        Assert.True(operations.Count > 50, $"only {operations.Count} operations documented");

        using var admin = await fixture.ClientAsync("civility-admin");
        using var unit = await fixture.ClientAsync("unit-a");
        var callers = new (string Name, HttpClient Client, bool EveryField)[]
            { ("admin", admin, true), ("unit-a", unit, false), ("anonymous", fixture.Gateway, false) };
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (name, client, everyField) in callers)
        {
            var requests = operations.SelectMany(o => HostileRequests.For(o, everyField));
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
            {
                Interlocked.Increment(ref sent);
                var problem = await SendAsync(client, request, statuses);
                if (problem is not null) failures.Enqueue($"{name} {request.Operation} [{request.Variant}]: {problem}");
            });
        }
        output.WriteLine($"{sent:N0} requests to {operations.Count} operations in {clock.Elapsed.TotalSeconds:F0} s; answers: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value:N0}")));
        foreach (var failure in failures.Take(200)) output.WriteLine(failure);
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, the first: {string.Join(" | ", failures.Take(5))}");
    }

    private static async Task<string?> SendAsync(HttpClient client, HostileRequest request, ConcurrentDictionary<int, int> statuses)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        if (request.Body is not null) message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500) return $"{status} {Snippet(text)}";
            // Kestrel refuses a request line whose path decodes to U+0000 before any application code runs (no
            // trace id, no body): nothing of ours can answer it, and nothing of ours is reached.
            if (status == 400 && text.Length == 0 && !response.Headers.Contains("X-Trace-Id")
                && request.Url.Contains("%00", StringComparison.Ordinal)
                && request.Variant.StartsWith("path ", StringComparison.Ordinal))
                return null;
            if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Snippet(text)}";
            if (IdNumberInClear(text) is { } id) return $"{status} holds an ID number in clear ({CitizenIdNumber.Mask(id)})";
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return $"no answer: {exception.Message}";
        }
    }

    private static string? IdNumberInClear(string text) =>
        IdNumberPattern().Matches(text).Select(m => m.Value).FirstOrDefault(candidate => CitizenIdNumber.Validate(candidate) is null);

    private static string Snippet(string text) => text.Length > 300 ? text[..300] : text;

    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")]
    private static partial Regex IdNumberPattern();
}
