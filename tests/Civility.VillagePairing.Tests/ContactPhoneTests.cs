using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.VillagePairing.Jobs;
using Npgsql;

namespace Civility.VillagePairing.Tests;

/// <summary>A pairing's liaison phones: validated, stored encrypted, whole only for an admin and the pairing's own unit.</summary>
[Collection(PairingCollection.Name)]
public sealed class ContactPhoneTests(PairingServiceFixture fixture)
{
    private async Task<(string UnitCode, Guid UnitId, Guid PlaceId)> UnitAndPlaceAsync()
    {
        var code = PairingServiceFixture.NewCode("TEL");
        var unit = (await fixture.CreateUnitAsync(code)).GetProperty("id").GetGuid();
        return (code, unit, await fixture.CreatePlaceAsync("village"));
    }

    private Task<HttpResponseMessage> PairAsync(HttpClient client, Guid unit, Guid place, params object[] contacts) =>
        client.PostAsJsonAsync("/api/pairing/pairings", new
        {
            civilizedUnitId = unit, placeId = place, from = fixture.Today, until = fixture.Today.AddYears(1), goals = "Free clinics.",
            contacts,
        });

    private async Task<List<(string? Phone, string? Encrypted, string? Masked)>> StoredAsync(Guid pairing)
    {
        await using var connection = new NpgsqlConnection(fixture.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT phone, phone_encrypted, masked_phone FROM pairing.pairing_contacts WHERE pairing_id = @p ORDER BY id", connection);
        command.Parameters.AddWithValue("p", pairing);
        var rows = new List<(string?, string?, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        return rows;
    }

    private static string? PhoneOf(JsonElement pairing, int contact = 0) =>
        pairing.GetProperty("contacts")[contact].GetProperty("phone").GetString();

    [Fact]
    public async Task A_phone_is_stored_encrypted_and_shown_whole_only_to_an_admin_and_the_pairings_own_unit()
    {
        var (code, unit, place) = await UnitAndPlaceAsync();
        using var own = fixture.Unit(code);
        using var created = await PairAsync(own, unit, place,
            new { side = "unit", name = "Li Wei", phone = "+86 138 1234 5678" },
            new { side = "place", name = "Chen Guoqing", phone = "0579-84230018" });
        var pairing = await Http.ReadAsync(created, HttpStatusCode.Created);
        var id = pairing.GetProperty("id").GetGuid();
        Assert.Equal("13812345678", PhoneOf(pairing));

        // Nothing in the table holds the numbers in clear.
        var stored = await StoredAsync(id);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, row => Assert.Null(row.Phone));
        Assert.All(stored, row => Assert.StartsWith("v1:", row.Encrypted));
        Assert.Equal(["138****5678", "057******0018"], stored.Select(r => r.Masked));
        await using (var connection = new NpgsqlConnection(fixture.Service.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pairing.pairing_contacts c WHERE pairing_id = @p "
                    + "AND (row_to_json(c)::text LIKE '%12345678%' OR row_to_json(c)::text LIKE '%84230018%')", connection);
            command.Parameters.AddWithValue("p", id);
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }

        using var admin = fixture.Admin();
        using var partner = fixture.Client(null, "pairing.read");
        using var otherUnit = fixture.Unit(PairingServiceFixture.NewCode("OTH"));
        foreach (var reader in new[] { own, admin })
        {
            var whole = await Http.ReadAsync(await reader.GetAsync($"/api/pairing/pairings/{id}"), HttpStatusCode.OK);
            Assert.Equal(["13812345678", "0579-84230018"],
                whole.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("phone").GetString()));
            Assert.False(whole.GetProperty("contacts")[0].GetProperty("phoneMasked").GetBoolean());
        }
        var masked = await Http.ReadAsync(await partner.GetAsync($"/api/pairing/pairings/{id}"), HttpStatusCode.OK);
        Assert.Equal(["138****5678", "057******0018"],
            masked.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("phone").GetString()));
        Assert.True(masked.GetProperty("contacts")[0].GetProperty("phoneMasked").GetBoolean());
        var listed = await Http.ReadAsync(await partner.GetAsync($"/api/pairing/pairings?civilizedUnitId={unit}"), HttpStatusCode.OK);
        Assert.Equal("138****5678", PhoneOf(listed.GetProperty("items")[0]));
        Assert.DoesNotContain("12345678",
            await (await partner.GetAsync($"/api/pairing/pairings?civilizedUnitId={unit}")).Content.ReadAsStringAsync());
        // Another unit does not see the pairing at all.
        using var hidden = await otherUnit.GetAsync($"/api/pairing/pairings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_phone_that_is_neither_a_mobile_nor_a_landline_with_its_area_code_is_refused_by_field()
    {
        var (_, unit, place) = await UnitAndPlaceAsync();
        using var admin = fixture.Admin();
        using var refused = await PairAsync(admin, unit, place,
            new { side = "unit", name = "A", phone = "12345678901" }, new { side = "place", name = "B", phone = "84230018" },
            new { side = "place", name = "C", phone = "call me" }, new { side = "unit", name = "D", phone = "13812345678" });
        var errors = (await Http.ReadAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("contacts[0].phone", out _));
        Assert.True(errors.TryGetProperty("contacts[1].phone", out _));
        Assert.True(errors.TryGetProperty("contacts[2].phone", out _));
        Assert.False(errors.TryGetProperty("contacts[3].phone", out _));

        using var without = await PairAsync(admin, unit, place, new { side = "unit", name = "No phone" });
        var pairing = await Http.ReadAsync(without, HttpStatusCode.Created);
        Assert.Null(PhoneOf(pairing));
    }

    [Fact]
    public async Task A_phone_stored_in_clear_before_is_encrypted_once_by_the_backfill()
    {
        var (_, unit, place) = await UnitAndPlaceAsync();
        using var admin = fixture.Admin();
        var pairing = await Http.ReadAsync(await PairAsync(admin, unit, place, new { side = "unit", name = "New" }),
            HttpStatusCode.Created);
        var id = pairing.GetProperty("id").GetGuid();
        // A contact as the version before wrote it: the phone in clear, no protected columns.
        await using (var connection = new NpgsqlConnection(fixture.Service.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO pairing.pairing_contacts (side, name, phone, pairing_id) VALUES ('place', 'Old', '13900001111', @p)",
                connection);
            insert.Parameters.AddWithValue("p", id);
            await insert.ExecuteNonQueryAsync();
        }

        await fixture.RunJobAsync<ContactPhoneBackfillJob>();
        var once = await StoredAsync(id);
        var old = once[1];
        Assert.Null(old.Phone);
        Assert.StartsWith("v1:", old.Encrypted);
        Assert.DoesNotContain("13900001111", old.Encrypted);
        Assert.Equal("139****1111", old.Masked);
        Assert.Equal((null, null, null), once[0]); // the contact without a phone is left alone

        var read = await Http.ReadAsync(await admin.GetAsync($"/api/pairing/pairings/{id}"), HttpStatusCode.OK);
        Assert.Equal("13900001111", PhoneOf(read, 1));

        // Again (another replica, the next round): nothing is encrypted twice.
        await fixture.RunJobAsync<ContactPhoneBackfillJob>();
        Assert.Equal(once, await StoredAsync(id));
    }
}
