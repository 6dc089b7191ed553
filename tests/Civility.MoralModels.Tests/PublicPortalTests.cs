using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Contracts.CreditList;
using Civility.Domain.PersonalData;
using Civility.Domain.Time;
using Civility.Hosting.PersonalData;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.MoralModels.Tests;

/// <summary>
/// What the public portal reads: the credit gate as the public sees it (a nomination suspended by a listing is not
/// published, a model black-listed after its commendation leaves the boards at once), the board filters and entries,
/// and one nomination's publicity notice with days left in county days and the tally only where the round shows it.
/// </summary>
[Collection(MoralModelsCollection.Name)]
public sealed class PublicPortalTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private SubjectBlacklisted Blacklisted(string idNumber) => new(Guid.NewGuid(),
        new CreditSubjectRef(Guid.NewGuid(), "person", "Zhang Wei", CitizenIdNumber.Mask(idNumber),
            _api.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(CitizenIdNumber.Normalize(idNumber))),
        "general", $"Xian-Credit-{Random.Shared.Next(1000, 9999)}", _api.Clock.CountyToday(), _api.Clock.CountyToday().AddYears(1));

    private async Task PublishAsync<T>(T message) where T : Civility.Contracts.IntegrationEvent =>
        await _api.Service.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = message.EventId);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what) =>
        await Polling.UntilAsync<object>(async () => await condition() ? new object() : null, TimeSpan.FromSeconds(20), what);

    private async Task<JsonElement> PublicAsync(string path)
    {
        using var anonymous = _api.Service.Anonymous();
        return await anonymous.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/public/{path}");
    }

    private async Task<HttpStatusCode> PublicStatusAsync(string path)
    {
        using var anonymous = _api.Service.Anonymous();
        using var response = await anonymous.GetAsync($"{MoralApi.Base}/public/{path}");
        return response.StatusCode;
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task A_nomination_suspended_by_a_listing_leaves_publicity_and_one_under_objection_stays_with_its_deeds()
    {
        var round = await _api.CreateRoundAsync();
        var listedId = MoralApi.NewCitizenId();
        var listed = await _api.InPublicityAsync(round, listedId);
        var objected = await _api.InPublicityAsync(round);
        Assert.Equal(new[] { objected, listed }.Order(), Ids(await PublicAsync($"nominations?roundId={round}")).Order());

        await PublishAsync(Blacklisted(listedId));
        await UntilAsync(async () => await _api.StatusAsync(listed) == "suspended", "the listed nominee is suspended");
        using (var anonymous = _api.Public())
        using (var filed = await anonymous.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{objected}/objections",
                   new { content = "He was not there that day.", contactName = "Liu Yang", contactPhone = "13900001111" }))
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        var page = await PublicAsync($"nominations?roundId={round}");
        Assert.Equal([objected], Ids(page));
        var shown = page.GetProperty("items")[0];
        Assert.True(shown.GetProperty("underObjection").GetBoolean());
        Assert.Equal("suspended", shown.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(shown.GetProperty("deeds").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"nominations/{listed}"));
        var notice = await PublicAsync($"nominations/{objected}");
        Assert.True(notice.GetProperty("nomination").GetProperty("underObjection").GetBoolean());
    }

    [Fact]
    public async Task A_model_black_listed_after_commendation_leaves_the_boards_at_once_and_only_an_admin_puts_it_back()
    {
        var idNumber = MoralApi.NewCitizenId();
        var model = await _api.SelectedAsync(await _api.CreateRoundAsync(publicityDays: 1), 1, idNumber);
        using (var c = await _api.CommendAsync(model)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        Assert.Contains(model, Ids(await PublicAsync("boards/good-deeds?pageSize=200")));
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync($"boards/entries/{model}"));

        var listing = Blacklisted(idNumber);
        await PublishAsync(listing);
        await UntilAsync(async () => await PublicStatusAsync($"boards/entries/{model}") == HttpStatusCode.NotFound, "off the boards");
        Assert.DoesNotContain(model, Ids(await PublicAsync("boards/good-deeds?pageSize=200")));
        // The honour is kept internally, with the reason, for an admin to decide on.
        var kept = await _api.GetNominationAsync(model);
        Assert.Equal("commended", kept.GetProperty("status").GetString());
        Assert.False(kept.GetProperty("onBoards").GetBoolean());
        Assert.Contains(listing.DecisionNumber, kept.GetProperty("offBoardsReason").GetString());
        Assert.Contains("restore-to-boards", kept.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Single(await _api.OutboxAsync("HonourWithdrawn", model.ToString()));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions " +
            "WHERE nomination_id = @n AND action = 'take-off-boards' AND listing_entry_id = @e",
            ("n", model), ("e", listing.EntryId)));

        // While listed, an admin cannot put it back; the lifting restores nothing by itself.
        using (var early = await _api.TransitionAsync(model, "restore-to-boards", "Asked by the unit"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        await PublishAsync(new ListingLifted(listing.EntryId, listing.Subject, "black", "repaired"));
        await UntilAsync(async () => await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_listings WHERE entry_id = @e AND lifted_at IS NOT NULL", ("e", listing.EntryId)) == 1,
            "the listing is lifted");
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"boards/entries/{model}"));

        var restored = await _api.MoveAsync(model, "restore-to-boards", "Credit repaired (信用修复); the honour stands.");
        Assert.True(restored.GetProperty("onBoards").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync($"boards/entries/{model}"));
        Assert.Single(await _api.OutboxAsync("HonourRestored", model.ToString()));
    }

    [Fact]
    public async Task An_admin_may_revoke_an_honour_held_off_the_boards()
    {
        var idNumber = MoralApi.NewCitizenId();
        var model = await _api.SelectedAsync(await _api.CreateRoundAsync(publicityDays: 1), 1, idNumber);
        using (var c = await _api.CommendAsync(model)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        await PublishAsync(Blacklisted(idNumber));
        await UntilAsync(async () => await PublicStatusAsync($"boards/entries/{model}") == HttpStatusCode.NotFound, "off the boards");

        using (var noReason = await _api.TransitionAsync(model, "revoke", null))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var revoked = await _api.MoveAsync(model, "revoke", "Black-listed for fraud: the honour is withdrawn.");
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Empty(revoked.GetProperty("allowedActions").EnumerateArray());
        Assert.Equal(2, (await _api.OutboxAsync("HonourWithdrawn", model.ToString())).Count);
    }

    [Fact]
    public async Task Boards_filter_by_round_year_and_category_and_show_one_entry_with_round_and_unit()
    {
        var year = _api.Clock.CountyYear() - 3;
        var round = await _api.CreateRoundAsync(publicityDays: 1, year: year);
        var goodPerson = await _api.SelectedAsync(round, 1);
        var figure = await _api.SelectedAsync(round, 1, category: "most-beautiful-figure");
        using (var c = await _api.CommendAsync(goodPerson, figure)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);

        Assert.Equal([goodPerson], Ids(await PublicAsync($"boards/good-deeds?year={year}")));
        Assert.Equal([figure], Ids(await PublicAsync($"boards/moral?year={year}&category=most-beautiful-figure")));
        Assert.Empty(Ids(await PublicAsync($"boards/moral?year={year}&category=moral-model")));
        Assert.Empty(Ids(await PublicAsync($"boards/good-deeds?year={year - 1}")));
        Assert.Contains(year, (await PublicAsync("boards/moral/years")).GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, await PublicStatusAsync("boards/good-deeds?category=moral-model"));
        Assert.Equal(HttpStatusCode.BadRequest, await PublicStatusAsync("boards/moral?category=villain"));

        var entry = await PublicAsync($"boards/entries/{figure}");
        Assert.Equal(year, entry.GetProperty("year").GetInt32());
        Assert.Equal("most-beautiful-figure", entry.GetProperty("category").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("roundName").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"boards/entries/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task A_publicity_notice_counts_days_left_in_county_days_and_shows_the_tally_only_where_the_round_allows()
    {
        var now = _api.Clock.GetUtcNow();
        var shown = await _api.CreateRoundAsync(publicityDays: 7, votingOpensIn: TimeSpan.FromMinutes(-1),
            votingLasts: TimeSpan.FromDays(30), voteVerification: "id-number-only", publicTally: true);
        var hidden = await _api.CreateRoundAsync(publicityDays: 7, votingOpensIn: TimeSpan.FromDays(2), voteVerification: "id-number-only");
        var counted = await _api.InPublicityAsync(shown);
        var secret = await _api.InPublicityAsync(hidden);
        using (var vote = await _api.PostVoteAsync(counted, MoralApi.NewCitizenId(), null, null))
            Assert.Equal(HttpStatusCode.Created, vote.StatusCode);

        var notice = await PublicAsync($"nominations/{counted}");
        var lastDay = CountyClock.CountyDate(now.AddDays(7).AddTicks(-1));
        var expectedLeft = lastDay.DayNumber - _api.Clock.CountyToday().DayNumber;
        Assert.Equal(lastDay.ToString("yyyy-MM-dd"), notice.GetProperty("publicityLastDay").GetString());
        Assert.Equal(expectedLeft, notice.GetProperty("daysLeft").GetInt32());
        Assert.True(notice.GetProperty("windowOpen").GetBoolean());
        Assert.Equal("open", notice.GetProperty("voting").GetString());
        Assert.Equal(1, notice.GetProperty("votes").GetInt64());
        Assert.False(notice.GetProperty("nomination").GetProperty("underObjection").GetBoolean());
        Assert.Contains("*", notice.GetProperty("nomination").GetProperty("maskedIdNumber").GetString());

        var other = await PublicAsync($"nominations/{secret}");
        Assert.Equal("not-open-yet", other.GetProperty("voting").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("votes").ValueKind);
        Assert.False(other.GetProperty("tallyPublic").GetBoolean());

        // Past the county's next midnight, one day fewer is left, whatever the UTC date says.
        var nextMidnight = CountyClock.StartOfCountyDay(_api.Clock.CountyToday().AddDays(1));
        _api.Clock.Advance(nextMidnight - _api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.Equal(expectedLeft - 1, (await PublicAsync($"nominations/{counted}")).GetProperty("daysLeft").GetInt32());
    }
}
