using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class RoundTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    [Fact]
    public async Task A_round_keeps_its_categories_publicity_days_and_voting_window_given_in_Beijing_time()
    {
        using var admin = _api.Admin();
        var opens = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        using var created = await admin.PostAsJsonAsync($"{MoralApi.Base}/rounds", new
        {
            name = $"2026 Q4 good people {Guid.NewGuid():N}", year = 2026, publicityDays = 5,
            categories = new[] { "good-person", "civilized-family" }, votingOpensAt = opens, votingClosesAt = opens.AddDays(7),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await admin.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        Assert.Equal(5, round.GetProperty("publicityDays").GetInt32());
        Assert.Equal(new[] { "good-person", "civilized-family" },
            round.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(opens, round.GetProperty("votingOpensAt").GetDateTimeOffset());

        var page = await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/rounds?year=2026&pageSize=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() >= 1);
    }

    [Fact]
    public async Task Invalid_rounds_and_paging_answer_400_naming_the_fields()
    {
        using var admin = _api.Admin();
        var opens = DateTimeOffset.UtcNow;
        using var invalid = await admin.PostAsJsonAsync($"{MoralApi.Base}/rounds", new
        {
            name = "", year = 1999, publicityDays = 0, categories = new[] { "hero" },
            votingOpensAt = opens, votingClosesAt = opens.AddDays(-1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await MoralApi.JsonAsync(invalid)).GetProperty("errors");
        foreach (var field in new[] { "name", "year", "publicityDays", "categories[0]", "votingClosesAt" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        using var paging = await admin.GetAsync($"{MoralApi.Base}/nominations?page=0&pageSize=500&status=done");
        Assert.Equal(HttpStatusCode.BadRequest, paging.StatusCode);
        var pagingErrors = (await MoralApi.JsonAsync(paging)).GetProperty("errors");
        foreach (var field in new[] { "page", "pageSize", "status" })
            Assert.True(pagingErrors.TryGetProperty(field, out _), field);

        using var unitClient = _api.Unit(MoralApi.NewUnit());
        using var forbidden = await unitClient.PostAsJsonAsync($"{MoralApi.Base}/rounds", new { name = "x", year = 2026 });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
