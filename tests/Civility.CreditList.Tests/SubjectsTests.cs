using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Domain.Identifiers;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class SubjectsTests(CreditListServiceFixture fixture)
{
    [Theory]
    [InlineData("91330100716105852F", true)] // published codes of real companies
    [InlineData("9144030071526726XG", true)]
    [InlineData("914403001922038216", true)]
    [InlineData("91330100716105852G", false)] // wrong check character
    [InlineData("9133010071610585", false)] // too short
    [InlineData("91330100716I05852F", false)] // I is not in the alphabet
    public void The_credit_code_check_follows_GB_32100(string code, bool valid) =>
        Assert.Equal(valid, UnifiedSocialCreditCode.Validate(code) is null);

    [Fact]
    public void Generated_test_codes_pass_the_service_check() =>
        Assert.All(Enumerable.Range(0, 50).Select(_ => CreditApi.NewCreditCode()),
            code => Assert.Null(UnifiedSocialCreditCode.Validate(code)));

    [Fact]
    public async Task An_organization_is_registered_once_and_a_second_registration_answers_409_with_the_existing_id()
    {
        using var admin = fixture.Service.Admin();
        var code = CreditApi.NewCreditCode();
        var id = await CreditApi.CreateOrganizationAsync(admin, code.ToLowerInvariant());
        var subject = await CreditApi.GetJsonAsync(admin, $"/api/credit/subjects/{id}");
        Assert.Equal(code, subject.GetProperty("identifier").GetString());
        Assert.Equal("organization", subject.GetProperty("kind").GetString());

        using var again = await admin.PostAsJsonAsync("/api/credit/subjects/organizations", new { creditCode = code, name = "Other name" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetGuid());
    }

    [Fact]
    public async Task Invalid_codes_and_ID_numbers_answer_400_naming_the_field()
    {
        using var admin = fixture.Service.Admin();
        using var badCode = await admin.PostAsJsonAsync("/api/credit/subjects/organizations",
            new { creditCode = "91330100716105852G", name = "" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var errors = (await badCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("check character", errors.GetProperty("creditCode")[0].GetString());
        Assert.True(errors.TryGetProperty("name", out _));

        var id = CreditApi.NewCitizenId();
        var wrongCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        using var badId = await admin.PostAsJsonAsync("/api/credit/subjects/people", new { idNumber = wrongCheck, name = "Li Na" });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        var body = await badId.Content.ReadAsStringAsync();
        Assert.Contains("idNumber", body);
        Assert.DoesNotContain(wrongCheck, body);
    }

    [Fact]
    public async Task A_person_is_stored_protected_shown_masked_and_registered_once()
    {
        using var admin = fixture.Service.Admin();
        var idNumber = CreditApi.NewCitizenId();
        using var created = await admin.PostAsJsonAsync("/api/credit/subjects/people", new { idNumber, name = "Wang Fang" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(idNumber, body);
        var subject = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"{idNumber[..4]}**********{idNumber[^4..]}", subject.GetProperty("identifier").GetString());
        Assert.Equal("person", subject.GetProperty("kind").GetString());

        using var again = await admin.PostAsJsonAsync("/api/credit/subjects/people",
            new { idNumber = idNumber.ToLowerInvariant(), name = "Wang Fang" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(subject.GetProperty("id").GetGuid(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetGuid());

        // Nothing in the table holds the number in clear.
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM credit.subjects WHERE row_to_json(subjects)::text LIKE '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", idNumber);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Writing_needs_the_write_scope()
    {
        using var reader = fixture.Service.ClientFor("partner-readonly", null, "credit.read");
        using var response = await reader.PostAsJsonAsync("/api/credit/subjects/organizations",
            new { creditCode = CreditApi.NewCreditCode(), name = "X" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
