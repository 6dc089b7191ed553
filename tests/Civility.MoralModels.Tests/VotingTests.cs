using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class VotingTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private async Task<long> TallyAsync(Guid id)
    {
        using var admin = _api.Admin();
        return (await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/tally")).GetProperty("votes").GetInt64();
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        (await MoralApi.JsonAsync(response)).GetProperty("title").GetString();

    [Fact]
    public async Task Votes_are_taken_only_inside_the_window_and_once_per_person()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.FromHours(1), votingLasts: TimeSpan.FromDays(2));
        var id = await _api.InPublicityAsync(round);
        var voter = MoralApi.NewCitizenId();
        var phone = MoralApi.NewPhone();

        // Before the window no code is sent and no vote taken.
        using (var anonymous = _api.Public())
        using (var early = await MoralApi.RequestCodeAsync(anonymous, id, phone))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        _api.Clock.Advance(TimeSpan.FromHours(1));
        using (var cast = await _api.VoteAsync(id, voter, phone)) Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        using (var again = await _api.VoteAsync(id, voter.ToLowerInvariant())) Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var other = await _api.VoteAsync(id)) Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, await TallyAsync(id));

        // Neither the ID number nor the phone number is stored anywhere in the votes or the codes.
        foreach (var table in new[] { "votes", "vote_codes" })
            foreach (var secret in new[] { voter, phone })
                Assert.Equal(0, await _api.ScalarAsync($"SELECT count(*) FROM moral_models.{table} v WHERE row_to_json(v)::text LIKE @s",
                    ("s", $"%{secret}%")));

        _api.Clock.Advance(TimeSpan.FromDays(2));
        using (var anonymous = _api.Public())
        using (var late = await MoralApi.PostVoteAsync(anonymous, id, MoralApi.NewCitizenId(), MoralApi.NewPhone(), "123456"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal(2, await TallyAsync(id));

        using var client = _api.Public();
        var wrongCheck = voter[..17] + (voter[17] == '0' ? '1' : '0');
        using (var invalid = await MoralApi.PostVoteAsync(client, id, wrongCheck, "12345678901", "12ab"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var errors = (await MoralApi.JsonAsync(invalid)).GetProperty("errors");
            foreach (var field in new[] { "idNumber", "phone", "code" }) Assert.True(errors.TryGetProperty(field, out _), field);
        }
        using (var badPhone = await MoralApi.RequestCodeAsync(client, id, "+86 121 0000 0000"))
            Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        using (var missing = await MoralApi.RequestCodeAsync(client, Guid.NewGuid(), MoralApi.NewPhone()))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var missing = await MoralApi.PostVoteAsync(client, Guid.NewGuid(), voter, null, null))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_vote_needs_the_right_live_unused_code_of_its_phone()
    {
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        using var client = _api.Public();

        // No code: the fields are named.
        using (var bare = await MoralApi.PostVoteAsync(client, id, MoralApi.NewCitizenId(), null, null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            var errors = (await MoralApi.JsonAsync(bare)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("phone", out _) && errors.TryGetProperty("code", out _));
        }

        // A code that was never sent to this phone, or was sent to another.
        var phone = MoralApi.NewPhone();
        using (var sent = await MoralApi.RequestCodeAsync(client, id, phone))
        {
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            var body = await MoralApi.JsonAsync(sent);
            Assert.Equal(phone[..3] + "****" + phone[^4..], body.GetProperty("phone").GetString());
            Assert.DoesNotContain(_api.LastCodeFor(phone), body.ToString());
        }
        var code = _api.LastCodeFor(phone);
        Assert.Matches("^[0-9]{6}$", code);
        using (var otherPhone = await MoralApi.PostVoteAsync(client, id, MoralApi.NewCitizenId(), MoralApi.NewPhone(), code))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, otherPhone.StatusCode);

        // Wrong guesses use up the code: after the last allowed attempt even the right code is refused.
        var wrong = code == "000000" ? "000001" : "000000";
        for (var i = 0; i < 5; i++)
            using (var guess = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), phone, wrong))
                Assert.Equal(HttpStatusCode.UnprocessableEntity, guess.StatusCode);
        using (var dead = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), phone, code))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, dead.StatusCode);
            Assert.Contains("code", await TitleAsync(dead));
        }

        // An expired code is refused.
        var late = MoralApi.NewPhone();
        using (var sent = await _api.RequestCodeAsync(id, late)) Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        _api.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using (var expired = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), late, _api.LastCodeFor(late)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);

        // A used code is refused, and the phone votes once per nomination whatever the ID number.
        var voterPhone = MoralApi.NewPhone();
        using (var first = await _api.VoteAsync(id, phone: voterPhone)) Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var reused = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), voterPhone, _api.LastCodeFor(voterPhone)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        _api.Clock.Advance(TimeSpan.FromSeconds(61)); // past the resend throttle
        using (var samePhone = await _api.VoteAsync(id, phone: voterPhone)) Assert.Equal(HttpStatusCode.Conflict, samePhone.StatusCode);
        Assert.Equal(1, await TallyAsync(id));
    }

    [Fact]
    public async Task A_code_is_resent_to_a_phone_only_after_a_while_and_the_newest_code_counts()
    {
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        var phone = MoralApi.NewPhone();
        using (var sent = await _api.RequestCodeAsync(id, phone)) Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var firstCode = _api.LastCodeFor(phone);

        // From another address too: the throttle is the phone's, kept in the database.
        _api.Clock.Advance(TimeSpan.FromSeconds(20));
        using (var soon = await _api.RequestCodeAsync(id, phone))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, soon.StatusCode);
            Assert.InRange(soon.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(41));
        }
        _api.Clock.Advance(TimeSpan.FromSeconds(41));
        var sentBefore = fixture.Codes.Sent;
        using (var resent = await _api.RequestCodeAsync(id, phone)) Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(sentBefore + 1, fixture.Codes.Sent);
        var secondCode = _api.LastCodeFor(phone);
        if (secondCode != firstCode)
            using (var old = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), phone, firstCode))
                Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        using (var vote = await _api.PostVoteAsync(id, MoralApi.NewCitizenId(), phone, secondCode))
            Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
    }

    [Fact]
    public async Task A_round_an_admin_opted_out_of_codes_takes_the_ID_number_alone()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero, voteVerification: "id-number-only");
        using (var admin = _api.Admin())
            Assert.Equal("id-number-only", (await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/rounds/{round}"))
                .GetProperty("voteVerification").GetString());
        var id = await _api.InPublicityAsync(round);
        using var client = _api.Public();
        var voter = MoralApi.NewCitizenId();
        using (var vote = await MoralApi.PostVoteAsync(client, id, voter, null, null))
            Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        using (var again = await MoralApi.PostVoteAsync(client, id, voter, null, null))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var code = await MoralApi.RequestCodeAsync(client, id, MoralApi.NewPhone()))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, code.StatusCode);

        // A new round asks for codes unless told otherwise.
        using (var admin = _api.Admin())
            Assert.Equal("one-time-code",
                (await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/rounds/{await _api.CreateRoundAsync()}"))
                    .GetProperty("voteVerification").GetString());
    }

    [Fact]
    public async Task Concurrent_votes_of_one_person_count_once()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero);
        var id = await _api.InPublicityAsync(round);
        var voter = MoralApi.NewCitizenId();
        // The same person with 24 phones (and codes), all at once: the ID number counts once.
        var phones = Enumerable.Range(0, 24).Select(_ => MoralApi.NewPhone()).Distinct().ToList();
        foreach (var phone in phones)
            using (var sent = await _api.RequestCodeAsync(id, phone)) Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var clients = phones.Select(_ => _api.Public()).ToList();

        var responses = await Task.WhenAll(clients.Zip(phones, (c, p) => MoralApi.PostVoteAsync(c, id, voter, p, _api.LastCodeFor(p))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(phones.Count - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await TallyAsync(id));
        foreach (var r in responses) r.Dispose();
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task One_code_used_by_many_votes_at_once_lets_one_in()
    {
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        var phone = MoralApi.NewPhone();
        using (var sent = await _api.RequestCodeAsync(id, phone)) Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var code = _api.LastCodeFor(phone);
        var clients = Enumerable.Range(0, 5).Select(_ => _api.Public()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => MoralApi.PostVoteAsync(c, id, MoralApi.NewCitizenId(), phone, code)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict));
        Assert.Equal(1, await TallyAsync(id));
        foreach (var r in responses) r.Dispose();
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task Tallies_per_nomination_and_per_round_count_distinct_people_voting_at_once()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero);
        var (first, second) = (await _api.InPublicityAsync(round), await _api.InPublicityAsync(round));
        var voters = Enumerable.Range(0, 30).Select(_ => MoralApi.NewCitizenId()).Distinct().ToList();

        var responses = await Task.WhenAll(voters.Select(v => _api.VoteAsync(first, v))
            .Concat(voters.Take(10).Select(v => _api.VoteAsync(second, v))));
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
        using var anonymous = _api.Public();
        var noVoting = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        using (var response = await MoralApi.RequestCodeAsync(anonymous, noVoting, MoralApi.NewPhone()))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using (var response = await MoralApi.PostVoteAsync(anonymous, noVoting, MoralApi.NewCitizenId(), MoralApi.NewPhone(), "123456"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);

        var rejected = await _api.NewNominationAsync(await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero));
        await _api.MoveAsync(rejected, "reject", "Duplicate of an earlier honour.");
        using (var response = await MoralApi.RequestCodeAsync(anonymous, rejected, MoralApi.NewPhone()))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using (var response = await MoralApi.PostVoteAsync(anonymous, rejected, MoralApi.NewCitizenId(), MoralApi.NewPhone(), "123456"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
