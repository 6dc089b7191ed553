using System.Net;
using System.Net.Http.Json;
using Civility.Domain.PersonalData;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class NominationTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    [Fact]
    public async Task A_person_is_nominated_with_the_ID_masked_everywhere_and_stored_protected()
    {
        var round = await _api.CreateRoundAsync();
        var idNumber = MoralApi.NewCitizenId();
        var unit = MoralApi.NewUnit();
        using var client = _api.Unit(unit);
        using var response = await _api.NominatePersonAsync(client, round, idNumber, unit);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(idNumber, text);
        var body = await MoralApi.JsonAsync(response);
        Assert.Equal(CitizenIdNumber.Mask(idNumber), body.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("nominated", body.GetProperty("status").GetString());
        Assert.Equal("honesty", body.GetProperty("goodPersonKind").GetString());
        Assert.Equal($"client-{unit.ToLowerInvariant()}", body.GetProperty("nominatorClientId").GetString());
        Assert.Equal(unit, body.GetProperty("nominatorUnitCode").GetString());
        var id = body.GetProperty("id").GetGuid();

        var submitted = Assert.Single(await _api.OutboxAsync("NominationSubmitted", id.ToString()));
        Assert.DoesNotContain(idNumber, submitted);
        Assert.Equal(0, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.nominations n WHERE row_to_json(n)::text LIKE @id", ("id", $"%{idNumber}%")));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.nominations WHERE id = @id AND id_encrypted LIKE 'v1:%'", ("id", id)));
    }

    [Fact]
    public async Task A_duplicate_nomination_of_the_same_person_in_the_round_is_merged_as_a_supporter()
    {
        var round = await _api.CreateRoundAsync();
        var idNumber = MoralApi.NewCitizenId();
        var unit = MoralApi.NewUnit();
        using var first = _api.Unit(unit);
        using var second = _api.Bureau("county-women-federation");
        using var created = await _api.NominatePersonAsync(first, round, idNumber, unit);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The second nominator spells the number in lower case: still the same person.
        using var merged = await _api.NominatePersonAsync(second, round, idNumber.ToLowerInvariant(), unit);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var body = await MoralApi.JsonAsync(merged);
        Assert.True(body.GetProperty("merged").GetBoolean());
        Assert.Equal((await MoralApi.JsonAsync(created)).GetProperty("id").GetGuid(), body.GetProperty("id").GetGuid());
        var supporter = Assert.Single(body.GetProperty("supporters").EnumerateArray());
        Assert.Equal("county-women-federation", supporter.GetProperty("clientId").GetString());
        Assert.Equal(1, await _api.ScalarAsync("SELECT count(*) FROM moral_models.nominations WHERE round_id = @r", ("r", round)));

        using var again = await _api.NominatePersonAsync(second, round, idNumber, unit);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Another round is another selection: a new nomination.
        var otherRound = await _api.CreateRoundAsync();
        using var elsewhere = await _api.NominatePersonAsync(second, otherRound, idNumber, unit);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_unit_nominating_a_person_another_unit_nominated_learns_only_that_and_sees_nothing_of_the_file()
    {
        var round = await _api.CreateRoundAsync();
        var idNumber = MoralApi.NewCitizenId();
        var (unitA, unitB) = (MoralApi.NewUnit(), MoralApi.NewUnit());
        using var first = _api.Unit(unitA);
        using var second = _api.Unit(unitB);
        using var created = await _api.NominatePersonAsync(first, round, idNumber, unitA);
        var id = (await MoralApi.JsonAsync(created)).GetProperty("id").GetGuid().ToString();

        using var duplicate = await _api.NominatePersonAsync(second, round, idNumber, unitB);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var text = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("already nominated", text);
        Assert.DoesNotContain(id, text);
        Assert.DoesNotContain("deeds", text, StringComparison.OrdinalIgnoreCase);
        using var file = await first.GetAsync($"/api/moral-models/nominations/{id}");
        Assert.Empty((await MoralApi.JsonAsync(file)).GetProperty("supporters").EnumerateArray());
    }

    [Fact]
    public async Task Nominators_of_the_same_person_racing_each_other_end_in_one_nomination_with_supporters()
    {
        var round = await _api.CreateRoundAsync();
        var idNumber = MoralApi.NewCitizenId();
        var unit = MoralApi.NewUnit();
        var clients = Enumerable.Range(0, 6).Select(i => _api.Bureau($"racer-{i}")).ToList();

        var responses = await Task.WhenAll(clients.Select(c => _api.NominatePersonAsync(c, round, idNumber, unit)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await _api.ScalarAsync("SELECT count(*) FROM moral_models.nominations WHERE round_id = @r", ("r", round)));
        Assert.Equal(5, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.nomination_supporters s " +
            "JOIN moral_models.nominations n ON n.id = s.nomination_id WHERE n.round_id = @r",
            ("r", round)));
        foreach (var r in responses) r.Dispose();
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task A_unit_nominates_for_itself_only_and_never_sees_another_units_nominations()
    {
        var round = await _api.CreateRoundAsync();
        var (unitA, unitB) = (MoralApi.NewUnit(), MoralApi.NewUnit());
        using var a = _api.Unit(unitA);
        using var b = _api.Unit(unitB);
        using var foreign = await _api.NominatePersonAsync(a, round, MoralApi.NewCitizenId(), unitB);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);

        using var own = await _api.NominatePersonAsync(a, round, MoralApi.NewCitizenId(), unitA);
        var id = (await MoralApi.JsonAsync(own)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"{MoralApi.Base}/nominations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{MoralApi.Base}/nominations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{MoralApi.Base}/nominations/{id}/history")).StatusCode);
        var listed = await b.GetFromJsonAsync<System.Text.Json.JsonElement>($"{MoralApi.Base}/nominations?roundId={round}");
        Assert.Equal(0, listed.GetProperty("total").GetInt64());
        var mine = await a.GetFromJsonAsync<System.Text.Json.JsonElement>($"{MoralApi.Base}/nominations?roundId={round}&pageSize=5");
        Assert.Equal(1, mine.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_civilized_family_is_nominated_with_its_members_and_motto()
    {
        var round = await _api.CreateRoundAsync();
        using var admin = _api.Admin();
        using var response = await admin.PostAsJsonAsync($"{MoralApi.Base}/nominations", new
        {
            roundId = round, category = "civilized-family", nomineeKind = "family", nomineeName = "The Li family",
            familyMembers = new[] { "Li Ming", "Wang Fang", "Li Xiaoyu" }, familyMotto = "Diligence and thrift keep a family.",
            unitCode = MoralApi.NewUnit(), deeds = "Cared for three elderly neighbours for ten years.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await MoralApi.JsonAsync(response);
        Assert.Equal(3, body.GetProperty("familyMembers").GetArrayLength());
        Assert.Equal("Diligence and thrift keep a family.", body.GetProperty("familyMotto").GetString());
    }

    [Fact]
    public async Task Invalid_nominations_answer_400_naming_the_fields_and_rule_breaks_422()
    {
        var round = await _api.CreateRoundAsync(categories: ["moral-model"]);
        using var admin = _api.Admin();
        using var invalid = await admin.PostAsJsonAsync($"{MoralApi.Base}/nominations", new
        {
            roundId = round, category = "saint", nomineeKind = "person", nomineeName = "", idNumber = "110101199001011234", deeds = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await MoralApi.JsonAsync(invalid)).GetProperty("errors");
        foreach (var field in new[] { "category", "nomineeName", "idNumber", "deeds", "unitCode" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        using var outside = await _api.NominatePersonAsync(admin, round, MoralApi.NewCitizenId(), MoralApi.NewUnit());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        using var noKind = await _api.NominatePersonAsync(admin, await _api.CreateRoundAsync(),
            MoralApi.NewCitizenId(), MoralApi.NewUnit(), kind: null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noKind.StatusCode);
        using var noRound = await _api.NominatePersonAsync(admin, Guid.NewGuid(), MoralApi.NewCitizenId(), MoralApi.NewUnit());
        Assert.Equal(HttpStatusCode.NotFound, noRound.StatusCode);
    }
}
