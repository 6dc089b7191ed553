using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class ReviewTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private static object Scores(int deeds = 8, string? reason = null) => new
    {
        scores = new object[]
        {
            new { criterion = "deeds", score = deeds, reason },
            new { criterion = "influence", score = 7 },
            new { criterion = "exemplarity", score = 6 },
        },
    };

    private async Task AddReviewerAsync(Guid round, string clientId, string? unit = null)
    {
        using var admin = _api.Admin();
        using var response = await admin.PostAsJsonAsync($"{MoralApi.Base}/rounds/{round}/reviewers",
            new { clientId, declaredUnitCode = unit });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_sees_tallies_and_other_scores_only_after_submitting_their_own()
    {
        var round = await _api.CreateRoundAsync(votingOpensIn: TimeSpan.Zero);
        var id = await _api.NewNominationAsync(round);
        await _api.MoveAsync(id, "review");
        await AddReviewerAsync(round, "reviewer-a");
        await AddReviewerAsync(round, "reviewer-b");
        using var a = _api.Bureau("reviewer-a");
        using var b = _api.Bureau("reviewer-b");
        using (var vote = await _api.VoteAsync(id)) Assert.Equal(HttpStatusCode.Created, vote.StatusCode);

        using (var scored = await a.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores()))
            Assert.Equal(HttpStatusCode.Created, scored.StatusCode);

        // B has not scored: no scores of A, no tally, in either place.
        var before = await b.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/scores");
        Assert.False(before.GetProperty("ownScoreSubmitted").GetBoolean());
        Assert.Equal(0, before.GetProperty("scores").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("votes").ValueKind);
        var tallyBefore = await b.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/tally");
        Assert.Equal(JsonValueKind.Null, tallyBefore.GetProperty("votes").ValueKind);
        var roundBefore = await b.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/rounds/{round}/tally");
        Assert.Equal(JsonValueKind.Null, roundBefore.GetProperty("totalVotes").ValueKind);

        using (var scored = await b.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores",
            Scores(10, "Saved two children from the river.")))
            Assert.Equal(HttpStatusCode.Created, scored.StatusCode);
        var after = await b.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/scores");
        Assert.True(after.GetProperty("ownScoreSubmitted").GetBoolean());
        Assert.Equal(2, after.GetProperty("scores").GetArrayLength());
        Assert.Equal(1, after.GetProperty("votes").GetInt64());
        Assert.Equal(1, (await b.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/tally")).GetProperty("votes").GetInt64());

        using var again = await b.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Outside_the_panel_a_reader_sees_no_scores_or_reviewers_until_review_is_over()
    {
        var round = await _api.CreateRoundAsync();
        var unit = MoralApi.NewUnit();
        var id = await _api.NewNominationAsync(round, unitCode: unit);
        await _api.MoveAsync(id, "review");
        await AddReviewerAsync(round, "reviewer-blind");
        using (var reviewer = _api.Bureau("reviewer-blind"))
        using (var scored = await reviewer.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores()))
            Assert.Equal(HttpStatusCode.Created, scored.StatusCode);
        using var partner = _api.Service.ClientFor("partner-readonly", null, "moral.read");
        using var ownUnit = _api.Unit(unit);
        using var admin = _api.Admin();
        var path = $"{MoralApi.Base}/nominations/{id}/scores";

        foreach (var reader in new[] { partner, ownUnit })
        {
            var during = await reader.GetStringAsync(path);
            var view = JsonDocument.Parse(during).RootElement;
            Assert.Equal(0, view.GetProperty("scores").GetArrayLength());
            Assert.True(view.GetProperty("scoresHidden").GetBoolean());
            Assert.DoesNotContain("reviewer-blind", during);
        }
        var adminView = await admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(1, adminView.GetProperty("scores").GetArrayLength());
        Assert.False(adminView.GetProperty("scoresHidden").GetBoolean());

        await _api.MoveAsync(id, "publicize");
        foreach (var reader in new[] { partner, ownUnit })
        {
            var after = await reader.GetFromJsonAsync<JsonElement>(path);
            Assert.False(after.GetProperty("scoresHidden").GetBoolean());
            var score = Assert.Single(after.GetProperty("scores").EnumerateArray());
            Assert.Equal("reviewer-blind", score.GetProperty("reviewerClientId").GetString());
            Assert.Equal(21, score.GetProperty("total").GetDouble());
        }
    }

    [Fact]
    public async Task Extreme_scores_need_a_reason_and_scores_stay_within_0_to_10()
    {
        var round = await _api.CreateRoundAsync();
        var id = await _api.NewNominationAsync(round);
        await _api.MoveAsync(id, "review");
        await AddReviewerAsync(round, "reviewer-c");
        using var c = _api.Bureau("reviewer-c");

        using var extreme = await c.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores(0));
        Assert.Equal(HttpStatusCode.BadRequest, extreme.StatusCode);
        Assert.True((await MoralApi.JsonAsync(extreme)).GetProperty("errors").TryGetProperty("scores[0].reason", out _));
        using var outOfRange = await c.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores(11, "x"));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.True((await MoralApi.JsonAsync(outOfRange)).GetProperty("errors").TryGetProperty("scores[0].score", out _));
        using var zero = await c.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores(0, "The deeds are not the nominee's."));
        Assert.Equal(HttpStatusCode.Created, zero.StatusCode);

        // Someone outside the panel does not score.
        using var outsider = _api.Bureau("not-a-reviewer");
        using var refused = await outsider.PostAsJsonAsync($"{MoralApi.Base}/nominations/{id}/scores", Scores());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_of_the_nominees_unit_is_excluded_by_conflict_of_interest()
    {
        var round = await _api.CreateRoundAsync();
        var unit = MoralApi.NewUnit();
        var own = await _api.NewNominationAsync(round, unitCode: unit);
        var other = await _api.NewNominationAsync(round);
        await _api.MoveAsync(own, "review");
        await _api.MoveAsync(other, "review");
        await AddReviewerAsync(round, "reviewer-d", unit);
        using var d = _api.Bureau("reviewer-d");

        using var conflicted = await d.PostAsJsonAsync($"{MoralApi.Base}/nominations/{own}/scores", Scores());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflicted.StatusCode);
        Assert.Contains("Conflict of interest", (await MoralApi.JsonAsync(conflicted)).GetProperty("title").GetString());
        using var view = await d.GetAsync($"{MoralApi.Base}/nominations/{own}/scores");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, view.StatusCode);
        Assert.Equal(0, await _api.ScalarAsync("SELECT count(*) FROM moral_models.review_scores WHERE nomination_id = @n", ("n", own)));

        using var allowed = await d.PostAsJsonAsync($"{MoralApi.Base}/nominations/{other}/scores", Scores());
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }
}
