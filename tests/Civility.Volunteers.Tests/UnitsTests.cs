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

    [Fact]
    public async Task A_units_credit_code_is_validated_unique_changeable_and_announced()
    {
        using var admin = fixture.Service.Admin();
        var code = $"U-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        using (var bad = await admin.PostAsJsonAsync("/api/volunteers/units",
            new { code, name = "Clinic", creditCode = "91330100MA2B3C4D5X" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("creditCode", out _));
        }

        var creditCode = Civility.Domain.Identifiers.UnifiedSocialCreditCode.WithCheck(
            $"12330100{Random.Shared.Next(100_000_000, 999_999_999)}");
        using var created = await admin.PostAsJsonAsync("/api/volunteers/units",
            new { code, name = "Clinic", creditCode = creditCode.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(creditCode, unit.GetProperty("creditCode").GetString());
        var id = unit.GetProperty("id").GetGuid();

        var other = $"U-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        using (var taken = await admin.PostAsJsonAsync("/api/volunteers/units", new { code = other, name = "Other", creditCode }))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            Assert.Contains(code, (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        var newCode = Civility.Domain.Identifiers.UnifiedSocialCreditCode.WithCheck(
            $"12330100{Random.Shared.Next(100_000_000, 999_999_999)}");
        using var updated = await admin.PutAsJsonAsync($"/api/volunteers/units/{id}", new { name = "County Clinic", creditCode = newCode });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using (var unchanged = await admin.PutAsJsonAsync($"/api/volunteers/units/{id}",
            new { name = "County Clinic", creditCode = newCode }))
            Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);

        var announced = (await Outbox.EventsAsync(fixture.Service.DatabaseConnectionString, "UnitDetailsChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == code).ToList();
        Assert.Equal(2, announced.Count);
        Assert.Equal(creditCode, announced[0].GetProperty("creditCode").GetString());
        Assert.Equal(newCode, announced[1].GetProperty("creditCode").GetString());
        Assert.Equal("County Clinic", announced[1].GetProperty("unitName").GetString());

        using var missing = await admin.PutAsJsonAsync($"/api/volunteers/units/{Guid.NewGuid()}", new { name = "X" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
