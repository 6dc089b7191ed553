using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.Volunteers.Tests;

[Collection(VolunteersCollection.Name)]
public sealed class UnitsTests(VolunteersServiceFixture fixture)
{
    [Fact]
    public async Task An_admin_creates_a_unit_and_a_duplicate_code_answers_409()
    {
        using var admin = fixture.Service.Admin();
        var code = $"U-{Guid.NewGuid():N}"[..10];
        using var created = await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = "County hospital" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = "Other" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_answer_400_naming_each_field()
    {
        using var admin = fixture.Service.Admin();
        using var response = await admin.PostAsJsonAsync("/api/volunteers/units", new { code = "", name = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }
}
