using System.Net;
using System.Net.Http.Json;
using Civility.MoralModels.Jobs;
using Npgsql;

namespace Civility.MoralModels.Tests;

/// <summary>An objector's phone: validated by the shared rule, stored encrypted, answered masked to every caller.</summary>
[Collection(MoralModelsCollection.Name)]
public sealed class ObjectionPhoneTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private async Task<HttpResponseMessage> ObjectAsync(Guid nomination, string? contactPhone)
    {
        using var anonymous = _api.Public();
        return await anonymous.PostAsJsonAsync($"{MoralApi.Base}/public/nominations/{nomination}/objections",
            new { content = "The deed was done by his neighbour.", contactName = "Wang Lei", contactPhone });
    }

    private async Task<(string? Clear, string? Encrypted, string? Masked)> StoredAsync(Guid objection)
    {
        await using var connection = new NpgsqlConnection(_api.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT contact_phone, contact_phone_encrypted, masked_contact_phone FROM moral_models.objections WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", objection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    [Fact]
    public async Task A_phone_is_stored_encrypted_and_every_caller_sees_it_masked()
    {
        var nomination = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        using var mobile = await ObjectAsync(nomination, "+86 138 1234 5678");
        Assert.Equal(HttpStatusCode.Created, mobile.StatusCode);
        var filed = await MoralApi.JsonAsync(mobile);
        Assert.Equal("138****5678", filed.GetProperty("contactPhone").GetString());
        using var landline = await ObjectAsync(nomination, "0579-84123456");
        Assert.Equal(HttpStatusCode.Created, landline.StatusCode);

        var stored = await StoredAsync(filed.GetProperty("id").GetGuid());
        Assert.Null(stored.Clear);
        Assert.StartsWith("v1:", stored.Encrypted);
        Assert.Equal("138****5678", stored.Masked);
        // No column of any of the nomination's objections holds either number in clear.
        Assert.Equal(0L, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.objections o WHERE nomination_id = @n " +
            "AND (row_to_json(o)::text LIKE '%12345678%' OR row_to_json(o)::text LIKE '%84123456%')",
            ("n", nomination)));

        // The admin's list (the reviewing officer) answers the masked form too, as it does the nominee's ID number.
        using var admin = _api.Admin();
        using var listed = await admin.GetAsync($"{MoralApi.Base}/nominations/{nomination}/objections");
        var text = await listed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("138****5678", text);
        Assert.Contains("057******3456", text);
        Assert.DoesNotContain("12345678", text);
        Assert.DoesNotContain("84123456", text);
    }

    [Theory]
    [InlineData("12345678901")] // 11 digits, but no mobile prefix
    [InlineData("84123456")]    // a landline without its area code
    [InlineData("+86-0579")]
    [InlineData("")]
    public async Task A_phone_that_is_neither_a_mobile_nor_a_landline_with_its_area_code_is_a_400_naming_contactPhone(string phone)
    {
        var nomination = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        using var refused = await ObjectAsync(nomination, phone);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await MoralApi.JsonAsync(refused)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("contactPhone", out _));
        Assert.Equal("in-publicity", await _api.StatusAsync(nomination));
    }

    [Fact]
    public async Task A_phone_stored_in_clear_before_is_encrypted_once_by_the_backfill()
    {
        var nomination = await _api.InPublicityAsync(await _api.CreateRoundAsync());
        // An objection as the version before wrote it: the phone in clear, no protected columns.
        var old = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(_api.Service.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO moral_models.objections (id, nomination_id, content, contact_name, contact_phone, filed_at, status) " +
                "VALUES (@id, @n, 'Filed before phones were protected.', 'Li Hua', '13900001111', @at, 'Open')", connection);
            insert.Parameters.AddWithValue("id", old);
            insert.Parameters.AddWithValue("n", nomination);
            insert.Parameters.AddWithValue("at", _api.Clock.GetUtcNow());
            await insert.ExecuteNonQueryAsync();
        }

        await fixture.RunJobAsync<ObjectionPhoneBackfillJob>();
        var once = await StoredAsync(old);
        Assert.Null(once.Clear);
        Assert.StartsWith("v1:", once.Encrypted);
        Assert.DoesNotContain("13900001111", once.Encrypted);
        Assert.Equal("139****1111", once.Masked);

        using var admin = _api.Admin();
        var listed = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"{MoralApi.Base}/nominations/{nomination}/objections");
        Assert.Equal("139****1111", listed.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == old)
            .GetProperty("contactPhone").GetString());

        // Again (another replica, the next round): nothing is encrypted twice.
        await fixture.RunJobAsync<ObjectionPhoneBackfillJob>();
        Assert.Equal(once, await StoredAsync(old));
    }
}
