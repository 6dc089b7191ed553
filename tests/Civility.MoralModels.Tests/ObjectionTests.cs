using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class ObjectionTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private static object Objection(string content = "He did not return the wallet; his neighbour did.") =>
        new { content, contactName = "Wang Lei", contactPhone = "13812345678" };

    private async Task<HttpResponseMessage> ObjectAsync(Guid id, object? body = null)
    {
        using var anonymous = _api.Public();
        return await anonymous.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{id}/objections", body ?? Objection());
    }

    private async Task<HttpResponseMessage> ResolveAsync(Guid objectionId, bool? upheld, string? reason)
    {
        using var admin = _api.Admin();
        return await admin.PostAsJsonAsync($"{MoralApi.Base}/objections/{objectionId}/resolve", new { upheld, reason });
    }

    [Fact]
    public async Task An_anonymous_objection_suspends_publicity_and_dismissing_it_resumes_publicity()
    {
        var round = await _api.CreateRoundAsync();
        var idNumber = MoralApi.NewCitizenId();
        var id = await _api.InPublicityAsync(round, idNumber);
        var notYet = await _api.NewNominationAsync(round);

        // The public sees what is in publicity (and only that), identity masked.
        using (var anonymous = _api.Service.Anonymous())
        {
            var text = await anonymous.GetStringAsync($"{MoralApi.Base}/public/nominations?roundId={round}");
            var listed = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(new[] { id }, listed);
            Assert.DoesNotContain(idNumber, text);
            Assert.DoesNotContain(notYet.ToString(), text);
        }

        using var filed = await ObjectAsync(id);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var objection = await MoralApi.JsonAsync(filed);
        Assert.Equal("138****5678", objection.GetProperty("contactPhone").GetString());
        var nomination = await _api.GetNominationAsync(id);
        Assert.Equal("suspended", nomination.GetProperty("status").GetString());
        Assert.Equal(new[] { "resume", "reject" },
            nomination.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Single(await _api.OutboxAsync("NominationSuspended", id.ToString()));

        // An admin cannot simply resume it while the objection is open, nor resolve it without a reason.
        using (var resume = await _api.TransitionAsync(id, "resume", "looks fine"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, resume.StatusCode);
        using (var bare = await ResolveAsync(objection.GetProperty("id").GetGuid(), false, " "))
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);

        using var dismissed = await ResolveAsync(objection.GetProperty("id").GetGuid(), false,
            "Verified with the owner of the wallet: he did return it.");
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("dismissed", (await MoralApi.JsonAsync(dismissed)).GetProperty("status").GetString());
        Assert.Equal("in-publicity", await _api.StatusAsync(id));
        using (var twice = await ResolveAsync(objection.GetProperty("id").GetGuid(), true, "again"))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task An_admin_dismisses_a_groundless_objection_in_one_step_and_the_nomination_resumes_with_the_reason_kept()
    {
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        using var filed = await ObjectAsync(id, Objection("Made up to stop him."));
        var objectionId = (await MoralApi.JsonAsync(filed)).GetProperty("id").GetGuid();
        Assert.Equal("suspended", await _api.StatusAsync(id));

        using var admin = _api.Admin();
        using (var bare = await admin.PostAsJsonAsync($"{MoralApi.Base}/objections/{objectionId}/dismiss", new { reason = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.True((await MoralApi.JsonAsync(bare)).GetProperty("errors").TryGetProperty("reason", out _));
        }
        using (var unit = _api.Unit(MoralApi.NewUnit()))
        using (var notAdmin = await unit.PostAsJsonAsync($"{MoralApi.Base}/objections/{objectionId}/dismiss", new { reason = "No." }))
            Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);

        const string reason = "Groundless: the objector named no fact and left no way to reach them.";
        using var dismissed = await admin.PostAsJsonAsync($"{MoralApi.Base}/objections/{objectionId}/dismiss", new { reason });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var body = await MoralApi.JsonAsync(dismissed);
        Assert.Equal("dismissed", body.GetProperty("objection").GetProperty("status").GetString());
        Assert.Equal(reason, body.GetProperty("objection").GetProperty("resolution").GetString());
        Assert.Equal("in-publicity", body.GetProperty("nominationStatus").GetString());
        Assert.Equal("in-publicity", await _api.StatusAsync(id));

        // The objection is kept with its reason; the resumption is in the nomination's history with it.
        var kept = (await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/objections"))
            .GetProperty("items").EnumerateArray().Single();
        Assert.Equal(objectionId, kept.GetProperty("id").GetGuid());
        Assert.Equal(reason, kept.GetProperty("resolution").GetString());
        var last = (await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/history")).EnumerateArray().Last();
        Assert.Equal("resume", last.GetProperty("action").GetString());
        Assert.Contains(reason, last.GetProperty("reason").GetString());

        using (var twice = await admin.PostAsJsonAsync($"{MoralApi.Base}/objections/{objectionId}/dismiss", new { reason }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using (var missing = await admin.PostAsJsonAsync($"{MoralApi.Base}/objections/{Guid.NewGuid()}/dismiss", new { reason }))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_upheld_objection_rejects_the_nomination_with_the_reason()
    {
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        using var first = await ObjectAsync(id);
        using var second = await ObjectAsync(id, Objection("The same story was told about someone else."));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        // Dismissing one of two open objections keeps the nomination suspended.
        using (var dismissed = await ResolveAsync((await MoralApi.JsonAsync(second)).GetProperty("id").GetGuid(), false, "Unfounded."))
            Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("suspended", await _api.StatusAsync(id));

        using var upheld = await ResolveAsync((await MoralApi.JsonAsync(first)).GetProperty("id").GetGuid(), true,
            "Witnesses confirm the objection.");
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.Equal("rejected", await _api.StatusAsync(id));
        using var admin = _api.Admin();
        var history = await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/history");
        var last = history.EnumerateArray().Last();
        Assert.Equal("reject", last.GetProperty("action").GetString());
        Assert.Contains("Witnesses confirm the objection.", last.GetProperty("reason").GetString());
        var objections = await admin.GetFromJsonAsync<JsonElement>($"{MoralApi.Base}/nominations/{id}/objections");
        Assert.Equal(2, objections.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Objections_are_taken_only_during_the_publicity_window()
    {
        var round = await _api.CreateRoundAsync(publicityDays: 2);
        var nominated = await _api.NewNominationAsync(round);
        using (var early = await ObjectAsync(nominated)) Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);

        var id = await _api.InPublicityAsync(round);
        _api.Clock.Advance(TimeSpan.FromDays(2));
        using (var late = await ObjectAsync(id)) Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("in-publicity", await _api.StatusAsync(id));

        using (var invalid = await ObjectAsync(id, new { content = "", contactName = "", contactPhone = "12" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var errors = (await MoralApi.JsonAsync(invalid)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("content", out _));
            Assert.True(errors.TryGetProperty("contactPhone", out _));
        }
        using (var missing = await ObjectAsync(Guid.NewGuid())) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
