using System.Net;
using System.Net.Http.Json;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class PlacesTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task Places_are_listed_paged_by_kind_and_township_and_a_duplicate_answers_409()
    {
        using var admin = fixture.Admin();
        var township = $"Town {Guid.NewGuid():N}"[..16];
        foreach (var (kind, name) in new[] { ("village", "Xiyang"), ("village", "Dongtou"), ("community", "Nanmen") })
        {
            using var created = await admin.PostAsJsonAsync("/api/pairing/places", new { kind, name, township });
            await Http.ReadAsync(created, HttpStatusCode.Created);
        }
        using var duplicate = await admin.PostAsJsonAsync("/api/pairing/places", new { kind = "village", name = "Xiyang", township });
        await Http.ReadAsync(duplicate, HttpStatusCode.Conflict);

        using var villages = await admin.GetAsync($"/api/pairing/places?kind=village&township={Uri.EscapeDataString(township)}&pageSize=1");
        var page = await Http.ReadAsync(villages, HttpStatusCode.OK);
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        Assert.Equal("Dongtou", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("village", page.GetProperty("items")[0].GetProperty("kind").GetString());

        using var bad = await admin.GetAsync("/api/pairing/places?kind=city&pageSize=500");
        var errors = (await Http.ReadAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }
}

[Collection(PairingCollection.Name)]
public sealed class OpenApiTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_describes_every_area()
    {
        using var anonymous = fixture.Service.Anonymous();
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        var document = await Http.ReadAsync(response, HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/pairing/civilized-units", "/api/pairing/pairings", "/api/pairing/reports/double-pairing",
                     "/api/pairing/activities", "/api/pairing/creation-tasks/overdue", "/api/pairing/civilized-units/{id}/assessments" })
            Assert.Contains(path, paths);
    }
}
