using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.CreditList.Tests;

/// <summary>
/// The lists as the public portal shows them (信用公示): browsable by list, tier and deciding department without naming
/// anyone, active and published entries only, people masked; and the query by citizen ID number in a POST body.
/// </summary>
[Collection(CreditListCollection.Name)]
public sealed class PublicListsTests(CreditListServiceFixture fixture)
{
    private static async Task<Guid> ProposeAsync(HttpClient admin, Guid subject, string list, string? tier, DateOnly from, DateOnly until,
        string department)
    {
        var proposal = JsonSerializer.SerializeToNode(CreditApi.Proposal(subject, list, tier, from, until))!.AsObject();
        proposal["decidingDepartment"] = department;
        using var response = await admin.PostAsJsonAsync("/api/credit/entries", proposal);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entryId").GetGuid()).ToList();

    [Fact]
    public async Task Anyone_browses_published_entries_by_list_tier_and_department_and_lifted_ones_never_show()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = fixture.Today.AddDays(1);
        fixture.SetToday(start);
        var department = $"County Bureau {Guid.NewGuid():N}"[..24];
        var idNumber = CreditApi.NewCitizenId();
        var person = await CreditApi.CreatePersonAsync(admin, idNumber, $"Qian {Guid.NewGuid():N}"[..13]);
        var organization = await CreditApi.CreateOrganizationAsync(admin);
        var black = await ProposeAsync(admin, person, "black", "serious", start, start.AddYears(2), department);
        var red = await ProposeAsync(admin, organization, "red", null, start, start.AddYears(1), department);
        var revoked = await ProposeAsync(admin, organization, "black", "general", start, start.AddMonths(6), department);
        var proposedOnly = await ProposeAsync(admin, organization, "black", "minor", start, start.AddMonths(2), department);
        foreach (var entry in new[] { black, red, revoked }) await CreditApi.ActivateAsync(fixture, admin, entry);
        await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{revoked}/revoke", new { reason = "Decision quashed on review." });

        var query = $"department={Uri.EscapeDataString(department)}";
        var all = await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/lists?{query}");
        Assert.Equal(new[] { black, red }.Order(), Ids(all).Order());
        Assert.DoesNotContain(proposedOnly, Ids(all));
        Assert.DoesNotContain(idNumber, all.ToString());
        Assert.Contains($"{idNumber[..4]}**********{idNumber[^4..]}", all.ToString());
        Assert.Equal([black], Ids(await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/lists?{query}&listType=black")));
        Assert.Equal([red], Ids(await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/lists?{query}&listType=red")));
        Assert.Equal([black], Ids(await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/lists?{query}&tier=serious")));
        Assert.Empty(Ids(await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/lists?{query}&tier=minor")));
        var departments = await CreditApi.GetJsonAsync(anonymous, "/api/credit/public/departments");
        Assert.Contains(department, departments.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));

        using (var wrong = await anonymous.GetAsync("/api/credit/public/lists?listType=red&tier=serious"))
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using (var unknown = await anonymous.GetAsync("/api/credit/public/lists?listType=grey"))
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        // Lifted at once: the black entry revoked now leaves the browsed list (the cache is emptied on the change).
        await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{black}/revoke", new { reason = "Decision quashed on review." });
        Assert.Equal([red], Ids(await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/lists?{query}")));
    }

    [Fact]
    public async Task A_person_is_found_by_ID_number_in_a_POST_body_and_the_answer_is_masked()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = fixture.Today.AddDays(1);
        fixture.SetToday(start);
        var idNumber = CreditApi.NewCitizenId();
        var person = await CreditApi.CreatePersonAsync(admin, idNumber, $"Zhao {Guid.NewGuid():N}"[..13]);
        var entry = await CreditApi.ProposeAsync(admin, person, "black", "general", start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);

        using var response = await anonymous.PostAsJsonAsync("/api/credit/public/entries/query",
            new { identifier = idNumber.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(idNumber, body);
        Assert.Equal([entry], Ids(JsonDocument.Parse(body).RootElement));

        using var nothing = await anonymous.PostAsJsonAsync("/api/credit/public/entries/query", new { identifier = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("identifier", await nothing.Content.ReadAsStringAsync());
    }
}
