using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class VotingTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private async Task<HttpResponseMessage> VoteAsync(HttpClient client, Guid id, string idNumber) =>
        await client.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{id}/votes", new { voterName = "Chen Jing", idNumber });

    private async Task<long> TallyAsync(Guid id)
    {
        using var admin = _api.Admin();
        return (await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/tally")).GetProperty("votes").GetInt64();
    }

    [Fact]
    public async Task Votes_are_taken_only_inside_the_window_and_once_per_person()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.FromHours(1), votingLasts: TimeSpan.FromDays(2));
        var id = await _api.InPublicityAsync(round);
        using var anonymous = _api.Service.Anonymous();
        var voter = MoralApi.NewCitizenId();

        using (var early = await VoteAsync(anonymous, id, voter)) Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        _api.Clock.Advance(TimeSpan.FromHours(1));
        using (var cast = await VoteAsync(anonymous, id, voter)) Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        using (var again = await VoteAsync(anonymous, id, voter.ToLowerInvariant())) Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var other = await VoteAsync(anonymous, id, MoralApi.NewCitizenId())) Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, await TallyAsync(id));

        // The number itself is not stored anywhere in the votes.
        Assert.Equal(0, await _api.ScalarAsync("SELECT count(*) FROM moral_models.votes v WHERE row_to_json(v)::text LIKE @id", ("id", $"%{voter}%")));

        _api.Clock.Advance(TimeSpan.FromDays(2));
        using (var late = await VoteAsync(anonymous, id, MoralApi.NewCitizenId())) Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal(2, await TallyAsync(id));

        var wrongCheck = voter[..17] + (voter[17] == '0' ? '1' : '0');
        using (var invalid = await VoteAsync(anonymous, id, wrongCheck))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.True((await MoralApi.JsonAsync(invalid)).GetProperty("errors").TryGetProperty("idNumber", out _));
        }
        using (var missing = await VoteAsync(anonymous, Guid.NewGuid(), voter)) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Concurrent_votes_of_one_person_count_once()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero);
        var id = await _api.InPublicityAsync(round);
        var voter = MoralApi.NewCitizenId();
        var clients = Enumerable.Range(0, 24).Select(_ => _api.Service.Anonymous()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => VoteAsync(c, id, voter)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(23, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await TallyAsync(id));
        foreach (var r in responses) r.Dispose();
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task Tallies_per_nomination_and_per_round_count_distinct_people_voting_at_once()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero);
        var (first, second) = (await _api.InPublicityAsync(round), await _api.InPublicityAsync(round));
        using var anonymous = _api.Service.Anonymous();
        var voters = Enumerable.Range(0, 30).Select(_ => MoralApi.NewCitizenId()).Distinct().ToList();

        var responses = await Task.WhenAll(voters.Select(v => VoteAsync(anonymous, first, v))
            .Concat(voters.Take(10).Select(v => VoteAsync(anonymous, second, v))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        using var admin = _api.Admin();
        var tally = await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/rounds/{round}/tally");
        Assert.Equal(voters.Count + 10, tally.GetProperty("totalVotes").GetInt64());
        var rows = tally.GetProperty("nominations").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(first, rows[0].GetProperty("nominationId").GetGuid());
        Assert.Equal(voters.Count, rows[0].GetProperty("votes").GetInt64());
        Assert.Equal(10, rows[1].GetProperty("votes").GetInt64());
    }

    [Fact]
    public async Task A_round_without_a_voting_window_and_a_closed_nomination_take_no_votes()
    {
        using var anonymous = _api.Service.Anonymous();
        var noVoting = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        using (var response = await VoteAsync(anonymous, noVoting, MoralApi.NewCitizenId()))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);

        var rejected = await _api.NewNominationAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        await _api.MoveAsync(rejected, "reject", "Duplicate of an earlier honour.");
        using (var response = await VoteAsync(anonymous, rejected, MoralApi.NewCitizenId()))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
