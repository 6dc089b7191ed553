using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.Volunteers.Tests;

/// <summary>Small helpers the volunteer tests share: make a unit, register someone, read JSON.</summary>
internal static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> NewUnitAsync(this HttpClient admin, int? headcount = null, int year = 2026)
    {
        var code = $"U{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var unit = await (await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = $"Unit {code}" }))
            .JsonAsync(HttpStatusCode.Created);
        if (headcount is { } count)
            await (await admin.PutAsJsonAsync($"/api/volunteers/units/{unit.GetProperty("id").GetGuid()}/headcounts/{year}",
                new { headcount = count })).JsonAsync(HttpStatusCode.OK);
        return code;
    }

    public static async Task<JsonElement> RegisterAsync(this HttpClient client, string unitCode,
        string? idNumber = null, bool staff = true, string? phone = "13812345678")
    {
        var response = await client.PostAsJsonAsync("/api/volunteers", new
        {
            name = "张三",
            idNumber = idNumber ?? TestIdentities.CitizenId(),
            phone,
            unitCode,
            isStaffOfUnit = staff,
            skills = new[] { "medical", "party-member" },
        });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>Records hours by hand and approves them; returns the record.</summary>
    public static async Task<JsonElement> ApprovedHoursAsync(this HttpClient client, Guid volunteerId, decimal hours,
        string date = "2026-03-01")
    {
        var record = await (await client.PostAsJsonAsync("/api/volunteers/service-records",
            new { volunteerId, serviceDate = date, hours, content = "Free clinic" })).JsonAsync(HttpStatusCode.Created);
        return await (await client.PostAsync($"/api/volunteers/service-records/{record.Id()}/approve", null)).JsonAsync(HttpStatusCode.OK);
    }

    public const string HoursImportPath = "/api/volunteers/service-records/import";

    /// <summary>Sends an hours CSV to the bulk import; its report when it answers <paramref name="expected"/>.</summary>
    public static async Task<JsonElement> ImportHoursAsync(this HttpClient client, string csv,
        HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsync(HoursImportPath, new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).JsonAsync(expected);
}
