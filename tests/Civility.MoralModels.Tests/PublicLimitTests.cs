using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;

namespace Civility.MoralModels.Tests;

/// <summary>Velocity limits of the anonymous endpoints, per client address and per nomination.</summary>
[Collection(MoralModelsCollection.Name)]
public sealed class PublicLimitTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    [Fact]
    public async Task A_burst_of_code_requests_from_one_address_is_refused_with_429_and_counted()
    {
        using var throttled = new ThrottleCounter();
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        var address = MoralApi.NewAddress();
        using var client = _api.Public(address);
        for (var i = 0; i < MoralModelsServiceFixture.CodesPerAddress; i++)
            using (var sent = await MoralApi.RequestCodeAsync(client, id, MoralApi.NewPhone()))
                Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        using (var refused = await MoralApi.RequestCodeAsync(client, id, MoralApi.NewPhone()))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal(429, (await MoralApi.JsonAsync(refused)).GetProperty("status").GetInt32());
        }
        Assert.Equal(1, throttled.Count("vote-codes", "address"));

        // Another address is not held back by it: the limit is the address's, as the gateway forwards it.
        using (var other = await _api.RequestCodeAsync(id, MoralApi.NewPhone())) Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        using var sameAddress = _api.Public(address);
        using (var again = await MoralApi.RequestCodeAsync(sameAddress, id, MoralApi.NewPhone()))
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(2, throttled.Count("vote-codes", "address"));
    }

    [Fact]
    public async Task Votes_on_one_nomination_from_many_addresses_are_limited_per_nomination()
    {
        using var throttled = new ThrottleCounter();
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        var other = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        // Votes with a made-up code, each from its own address: each is refused (422) but counts against the nomination.
        for (var i = 0; i < MoralModelsServiceFixture.VotesPerNomination; i++)
            using (var vote = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), MoralApi.NewPhone(), "123456"))
                Assert.Equal(HttpStatusCode.UnprocessableEntity, vote.StatusCode);

        using (var refused = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), MoralApi.NewPhone(), "123456"))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(1, throttled.Count("votes", "nomination"));
        using (var elsewhere = await _api.VoteAsync(other)) Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_burst_of_votes_from_one_address_is_refused()
    {
        using var throttled = new ThrottleCounter();
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero, voteVerification: "id-number-only"));
        using var client = _api.Public();
        for (var i = 0; i < MoralModelsServiceFixture.VotesPerAddress; i++)
            using (var vote = await MoralApi.PostVoteAsync(client, id, MoralApi.NewCitizenId(), null, null))
                Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        using (var refused = await MoralApi.PostVoteAsync(client, id, MoralApi.NewCitizenId(), null, null))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(1, throttled.Count("votes", "address"));
        using var admin = _api.Admin();
        Assert.Equal(MoralModelsServiceFixture.VotesPerAddress,
            (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"{MoralApi.Base}/nominations/{id}/tally"))
                .GetProperty("votes").GetInt64());
    }

    [Fact]
    public async Task A_burst_of_objections_from_one_address_is_refused()
    {
        using var throttled = new ThrottleCounter();
        using var client = _api.Public();
        var round = await _api.CreateRoundAsync();
        var objection = new { content = "Not true.", contactName = "Wang Lei", contactPhone = "13812345678" };
        for (var i = 0; i < MoralModelsServiceFixture.ObjectionsPerAddress; i++)
        {
            var id = await _api.InPublicityAsync(round);
            using var filed = await client.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{id}/objections", objection);
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }
        var spared = await _api.InPublicityAsync(round);
        using (var refused = await client.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{spared}/objections", objection))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("in-publicity", await _api.StatusAsync(spared));
        Assert.Equal(1, throttled.Count("objections", "address"));
    }

    /// <summary>Listens to <c>civility.public.throttled</c> while a test runs.</summary>
    private sealed class ThrottleCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<(string, string), long> _counts = new();

        public ThrottleCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Civility.MoralModels" && instrument.Name == "civility.public.throttled")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? endpoint = null, reason = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "endpoint") endpoint = tag.Value as string;
                    if (tag.Key == "reason") reason = tag.Value as string;
                }
                _counts.AddOrUpdate((endpoint ?? "", reason ?? ""), value, (_, sum) => sum + value);
            });
            _listener.Start();
        }

        public long Count(string endpoint, string reason) => _counts.GetValueOrDefault((endpoint, reason));

        public void Dispose() => _listener.Dispose();
    }
}
