using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Domain.PersonalData;

namespace Civility.CreditList.Tests;

/// <summary>Test data and the API steps most tests share.</summary>
public static class CreditApi
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid unified social credit code, its check character computed here independently of the service.</summary>
    public static string NewCreditCode()
    {
        var body = "91330100" + string.Concat(Enumerable.Range(0, 9)
            .Select(_ => CodeAlphabet[Random.Shared.Next(10, CodeAlphabet.Length)]));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += CodeAlphabet.IndexOf(body[i]) * (int)(BigPow(3, i) % 31);
        return body + CodeAlphabet[(31 - sum % 31) % 31];
    }

    private static long BigPow(int b, int e) => e == 0 ? 1 : b * BigPow(b, e - 1) % 31;

    public static string NewCitizenId()
    {
        var first17 = $"330102{new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 15000)):yyyyMMdd}{Random.Shared.Next(0, 1000):000}";
        return first17 + CitizenIdNumber.CheckCharacter(first17);
    }

    public static async Task<Guid> CreateOrganizationAsync(HttpClient client, string? code = null,
        string name = "Baiyun Pharmaceutical Co.")
    {
        using var response = await client.PostAsJsonAsync("/api/credit/subjects/organizations",
            new { creditCode = code ?? NewCreditCode(), name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreatePersonAsync(HttpClient client, string idNumber, string name = "Zhang Wei")
    {
        using var response = await client.PostAsJsonAsync("/api/credit/subjects/people", new { idNumber, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Proposal(Guid subjectId, string listType, string? tier, DateOnly from, DateOnly until, string? note = null) => new
    {
        subjectId, listType, tier, law = "Regulations on Food Safety", article = "Article 134",
        facts = "Sold expired medicines twice within a year.", decisionNumber = $"WJ-{Guid.NewGuid():N}"[..16],
        decidingDepartment = "County Market Supervision Bureau", listingDate = from, publishedFrom = from, publishedUntil = until,
        internalNote = note,
    };

    public static async Task<Guid> ProposeAsync(HttpClient client, Guid subjectId, string listType, string? tier, DateOnly from,
        DateOnly until, string? note = null)
    {
        using var response = await client.PostAsJsonAsync("/api/credit/entries", Proposal(subjectId, listType, tier, from, until, note));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object? body = null)
    {
        using var response = await client.PostAsJsonAsync(path, body ?? new { });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Proposed → notified → (statement period passes on the calendar) → active.</summary>
    public static async Task ActivateAsync(CreditListServiceFixture fixture, HttpClient client, Guid entryId)
    {
        var notified = await PostOkAsync(client, $"/api/credit/entries/{entryId}/notify", new { reason = "Told in writing." });
        var deadline = DateOnly.Parse(notified.GetProperty("statementDeadline").GetString()!);
        fixture.SetToday(deadline.AddDays(1));
        var active = await PostOkAsync(client, $"/api/credit/entries/{entryId}/activate", new { });
        Assert.Equal("active", active.GetProperty("status").GetString());
    }

    /// <summary>An organization's black-list entry, proposed on <paramref name="from"/> and active after its statement period.</summary>
    public static async Task<Guid> ActiveBlackEntryAsync(CreditListServiceFixture fixture, HttpClient admin, DateOnly from)
    {
        fixture.SetToday(from);
        var subject = await CreateOrganizationAsync(admin);
        var entry = await ProposeAsync(admin, subject, "black", "general", from, from.AddMonths(6));
        await ActivateAsync(fixture, admin, entry);
        return entry;
    }

    /// <summary>Files an objection to <paramref name="entry"/>, which must answer 201.</summary>
    public static async Task<JsonElement> FileObjectionAsync(HttpClient admin, Guid entry)
    {
        using var response = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/objections",
            new { filedBy = "Baiyun Pharmaceutical Co.", grounds = "The second sale was by another shop." });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }
}
