using System.Net;
using System.Text.Json;
using Civility.Domain.PersonalData;
using Civility.Hosting.PersonalData;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class WorkflowTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    [Fact]
    public async Task A_nomination_goes_through_every_transition_with_events_and_history()
    {
        var round = await _api.CreateRoundAsync(publicityDays: 5);
        var idNumber = MoralApi.NewCitizenId();
        var id = await _api.NewNominationAsync(round, idNumber, category: "moral-model");

        Assert.Equal("under-review",
            (await _api.MoveAsync(id, "review", "Deeds checked with the village committee")).GetProperty("status").GetString());
        var publicized = await _api.MoveAsync(id, "publicize");
        Assert.Equal("in-publicity", publicized.GetProperty("status").GetString());
        var end = publicized.GetProperty("publicityEnd").GetDateTimeOffset();
        Assert.Equal(_api.Clock.GetUtcNow().AddDays(5), end);
        Assert.Single(await _api.OutboxAsync("NominationPublicized", id.ToString()));

        // Selection is impossible before the publicity window closes.
        _api.Clock.Advance(TimeSpan.FromDays(4));
        using var early = await _api.TransitionAsync(id, "select");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Empty(await _api.OutboxAsync("ModelSelected", id.ToString()));

        _api.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("selected", (await _api.MoveAsync(id, "select", "No objection; panel score 27.5")).GetProperty("status").GetString());
        Assert.Single(await _api.OutboxAsync("ModelSelected", id.ToString()));

        using var commended = await _api.CommendAsync(id);
        Assert.Equal(HttpStatusCode.Created, commended.StatusCode);
        Assert.Equal("commended", await _api.StatusAsync(id));
        var evt = JsonDocument.Parse(Assert.Single(await _api.OutboxAsync("ModelCommended", id.ToString()))).RootElement;
        Assert.DoesNotContain(idNumber, evt.GetRawText());
        var protector = _api.Service.Services.GetService(typeof(PersonalDataProtector)) as PersonalDataProtector;
        Assert.Equal(protector!.LookupHash(idNumber), Prop(evt, "subjectKeyHash").GetString());
        Assert.Equal(CitizenIdNumber.Mask(idNumber), Prop(evt, "maskedIdNumber").GetString());

        using var admin = _api.Admin();
        var history = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<JsonElement>(admin,
            $"{MoralApi.Base}/nominations/{id}/history");
        Assert.Equal(new[] { "nominate", "review", "publicize", "select", "commend" },
            history.EnumerateArray().Select(t => t.GetProperty("action").GetString()!).ToArray());
        var review = history[1];
        Assert.Equal("test-admin", review.GetProperty("actor").GetString());
        Assert.Equal("Deeds checked with the village committee", review.GetProperty("reason").GetString());
        Assert.Equal("nominated", review.GetProperty("from").GetString());
        Assert.Equal("under-review", review.GetProperty("to").GetString());
    }

    [Theory]
    [InlineData("publicize", new[] { "review", "reject" })]
    [InlineData("select", new[] { "review", "reject" })]
    [InlineData("resume", new[] { "review", "reject" })]
    public async Task An_illegal_transition_answers_409_with_the_allowed_ones(string action, string[] allowed)
    {
        var id = await _api.NewNominationAsync(await _api.CreateRoundAsync());
        using var response = await _api.TransitionAsync(id, action, "try");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await MoralApi.JsonAsync(response);
        Assert.Equal("nominated", problem.GetProperty("state").GetString());
        Assert.Equal(allowed, problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal("nominated", await _api.StatusAsync(id));
    }

    [Fact]
    public async Task Later_illegal_transitions_are_refused_too_and_closed_nominations_stay_closed()
    {
        var round = await _api.CreateRoundAsync(publicityDays: 1);
        var id = await _api.NewNominationAsync(round);
        await _api.MoveAsync(id, "review");
        using (var review = await _api.TransitionAsync(id, "review")) Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        using (var commend = await _api.CommendAsync(id)) Assert.Equal(HttpStatusCode.Conflict, commend.StatusCode);
        using (var noReason = await _api.TransitionAsync(id, "reject", null)) Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        await _api.MoveAsync(id, "reject", "The deeds could not be verified.");
        using var after = await _api.TransitionAsync(id, "publicize");
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Empty((await MoralApi.JsonAsync(after)).GetProperty("allowed").EnumerateArray());

        var selected = await _api.SelectedAsync(round, 1);
        using var reject = await _api.TransitionAsync(selected, "reject", "late");
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        Assert.Equal(new[] { "commend" },
            (await MoralApi.JsonAsync(reject)).GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public async Task Workflow_transitions_need_the_admin_scope_and_a_unit_client_gets_nothing_of_another_unit()
    {
        var unit = MoralApi.NewUnit();
        var id = await _api.NewNominationAsync(await _api.CreateRoundAsync(), unitCode: unit);
        using var own = _api.Unit(unit);
        using var response = await own.PostAsync($"{MoralApi.Base}/nominations/{id}/review", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var anonymous = _api.Service.Anonymous();
        using var unauthenticated = await anonymous.GetAsync($"{MoralApi.Base}/nominations/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private static JsonElement Prop(JsonElement e, string camel) =>
        e.TryGetProperty(camel, out var v) ? v : e.GetProperty(char.ToUpperInvariant(camel[0]) + camel[1..]);
}
