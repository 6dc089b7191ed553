using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class BoardTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private async Task<(JsonElement Body, string Text)> BoardAsync(string board)
    {
        using var anonymous = _api.Service.Anonymous();
        var text = await anonymous.GetStringAsync($"{MoralApi.Base}/public/boards/{board}?pageSize=200");
        return (JsonDocument.Parse(text).RootElement, text);
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Boards_show_only_commended_models_newest_first_with_masked_identity()
    {
        var round = await _api.CreateRoundAsync(publicityDays: 1);
        var (olderId, newerId, notCommendedId) = (MoralApi.NewCitizenId(), MoralApi.NewCitizenId(), MoralApi.NewCitizenId());
        var older = await _api.SelectedAsync(round, 1, olderId);
        using (var c = await _api.CommendAsync(older)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        var newer = await _api.SelectedAsync(round, 1, newerId);
        using (var c = await _api.CommendAsync(newer)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        var selectedOnly = await _api.SelectedAsync(round, 1, notCommendedId);
        var moralModel = await _api.SelectedAsync(round, 1, category: "moral-model");
        using (var c = await _api.CommendAsync(moralModel)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);

        var (goodDeeds, text) = await BoardAsync("good-deeds");
        var ids = Ids(goodDeeds);
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older) && ids.IndexOf(newer) >= 0, "newest first");
        Assert.DoesNotContain(selectedOnly, ids);
        Assert.DoesNotContain(moralModel, ids);
        Assert.All(goodDeeds.GetProperty("items").EnumerateArray(), i => Assert.Equal("commended", i.GetProperty("status").GetString()));
        Assert.DoesNotContain(olderId, text);
        Assert.DoesNotContain(newerId, text);
        Assert.Contains(Civility.Domain.PersonalData.CitizenIdNumber.Mask(newerId), text);

        var (moral, _) = await BoardAsync("moral");
        Assert.Contains(moralModel, Ids(moral));
        Assert.DoesNotContain(newer, Ids(moral));
    }

    [Fact]
    public async Task An_entry_comes_down_when_an_objection_against_it_is_upheld_later()
    {
        var round = await _api.CreateRoundAsync(publicityDays: 1);
        var id = await _api.SelectedAsync(round, 1);
        using (var c = await _api.CommendAsync(id)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        Assert.Contains(id, Ids((await BoardAsync("good-deeds")).Body));

        using var anonymous = _api.Public();
        using var filed = await anonymous.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{id}/objections",
            new { content = "The story was invented by his employer.", contactName = "Liu Yang", contactPhone = "13900001111" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        // Until it is decided the entry stays up.
        Assert.Contains(id, Ids((await BoardAsync("good-deeds")).Body));

        using var admin = _api.Admin();
        using var upheld = await admin.PostAsJsonAsync(
            $"{MoralApi.Base}/objections/{(await MoralApi.JsonAsync(filed)).GetProperty("id").GetGuid()}/resolve",
            new { upheld = true, reason = "The employer admitted the story was invented." });
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.DoesNotContain(id, Ids((await BoardAsync("good-deeds")).Body));
        Assert.Equal("revoked", await _api.StatusAsync(id));
    }

    [Fact]
    public async Task A_commended_model_has_a_courtesy_and_assistance_ledger()
    {
        var round = await _api.CreateRoundAsync(publicityDays: 1);
        var id = await _api.SelectedAsync(round, 1);
        using var admin = _api.Admin();
        var ledger = $"{MoralApi.Base}/nominations/{id}/assistance";
        using (var early = await admin.PostAsJsonAsync(ledger,
            new { kind = "visit", date = "2026-11-20", handler = "Civilization office" }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        using (var c = await _api.CommendAsync(id)) Assert.Equal(HttpStatusCode.Created, c.StatusCode);

        using (var visit = await admin.PostAsJsonAsync(ledger,
            new { kind = "visit", date = "2026-11-20", handler = "Civilization office" }))
            Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        using (var subsidy = await admin.PostAsJsonAsync(ledger,
            new { kind = "subsidy", date = "2026-11-25", amount = 2000.50m, handler = "Civil affairs" }))
            Assert.Equal(HttpStatusCode.Created, subsidy.StatusCode);
        using (var noAmount = await admin.PostAsJsonAsync(ledger, new { kind = "subsidy", date = "2026-11-25", handler = "Civil affairs" }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noAmount.StatusCode);
        using (var invalid = await admin.PostAsJsonAsync(ledger, new { kind = "gift", handler = "" }))
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var page = await admin.GetFromJsonAsync<JsonElement>(ledger);
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        var first = page.GetProperty("items")[0];
        Assert.Equal("subsidy", first.GetProperty("kind").GetString());
        Assert.Equal(2000.50m, first.GetProperty("amount").GetDecimal());
    }
}
