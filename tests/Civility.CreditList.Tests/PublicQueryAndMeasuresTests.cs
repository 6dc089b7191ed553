using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class PublicQueryAndMeasuresTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task Anyone_finds_only_published_entries_with_public_fields_by_identifier_or_name()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var idNumber = CreditApi.NewCitizenId();
        var name = $"Liu {Guid.NewGuid():N}"[..12];
        var person = await CreditApi.CreatePersonAsync(admin, idNumber, name);
        var published = await CreditApi.ProposeAsync(admin, person, "black", "serious", start, start.AddYears(2),
            note: "Informant: neighbour Chen.");
        await CreditApi.ActivateAsync(fixture, admin, published);
        await CreditApi.ProposeAsync(admin, person, "black", "minor", start, start.AddMonths(2)); // only proposed

        foreach (var query in new[] { $"identifier={idNumber}", $"name={Uri.EscapeDataString(name)}" })
        {
            using var response = await anonymous.GetAsync($"/api/credit/public/entries?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(idNumber, body);
            Assert.DoesNotContain("Informant", body);
            var page = JsonDocument.Parse(body).RootElement;
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            var item = page.GetProperty("items")[0];
            Assert.Equal(published, item.GetProperty("entryId").GetGuid());
            Assert.Equal($"{idNumber[..4]}**********{idNumber[^4..]}", item.GetProperty("identifier").GetString());
            Assert.False(item.TryGetProperty("internalNote", out _));
            Assert.False(item.TryGetProperty("history", out _));
        }
    }

    [Fact]
    public async Task A_person_whose_ID_number_also_passes_as_a_credit_code_is_found_by_it()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        // One ID number in 31 has a last character that is also the credit-code check of its first 17.
        var idNumber = Enumerable.Range(0, 10_000).Select(_ => CreditApi.NewCitizenId())
            .First(id => Civility.Domain.Identifiers.UnifiedSocialCreditCode.Validate(id) is null);
        var person = await CreditApi.CreatePersonAsync(admin, idNumber, $"Wu {Guid.NewGuid():N}"[..11]);
        var entry = await CreditApi.ProposeAsync(admin, person, "black", "general", start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);

        var page = await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/entries?identifier={idNumber}");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(entry, page.GetProperty("items")[0].GetProperty("entryId").GetGuid());
        Assert.Equal("person", page.GetProperty("items")[0].GetProperty("subjectKind").GetString());
    }

    [Fact]
    public async Task Answers_come_from_the_cache_until_a_change_is_committed_then_the_lifted_entry_is_gone_at_once()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var code = CreditApi.NewCreditCode();
        var entry = await CreditApi.ProposeAsync(admin, await CreditApi.CreateOrganizationAsync(admin, code), "black", "general",
            start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        var path = $"/api/credit/public/entries?identifier={code}";

        using (var first = await anonymous.GetAsync(path))
            Assert.False(first.Headers.Contains("Age"));
        using (var cached = await anonymous.GetAsync(path))
        {
            Assert.True(cached.Headers.Contains("Age"), "the second answer comes from the output cache");
            Assert.True(cached.Headers.Contains("X-Trace-Id"));
            Assert.Equal(1, JsonDocument.Parse(await cached.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
        }

        using var revoked = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/revoke", new { reason = "Decision overturned" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using var after = await anonymous.GetAsync(path);
        Assert.False(after.Headers.Contains("Age"));
        Assert.Equal(0, JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_public_query_needs_a_valid_name_or_identifier()
    {
        using var anonymous = fixture.Service.Anonymous();
        using var nothing = await anonymous.GetAsync("/api/credit/public/entries");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        using var garbage = await anonymous.GetAsync("/api/credit/public/entries?identifier=12345");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        using var internalList = await anonymous.GetAsync("/api/credit/entries");
        Assert.Equal(HttpStatusCode.Unauthorized, internalList.StatusCode);
    }

    [Fact]
    public async Task Measures_answer_what_applies_now_and_which_entries_cause_it()
    {
        using var admin = fixture.Service.Admin();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var none = await CreditApi.GetJsonAsync(admin, $"/api/credit/subjects/{subject}/measures");
        Assert.Empty(none.GetProperty("measures").EnumerateArray());

        var minor = await CreditApi.ProposeAsync(admin, subject, "black", "minor", start, start.AddMonths(3));
        await CreditApi.ActivateAsync(fixture, admin, minor);
        var general = await CreditApi.ProposeAsync(admin, subject, "black", "general", start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, general);

        using var reader = fixture.Service.ClientFor("pairing-service", null, "credit.read");
        var measures = (await CreditApi.GetJsonAsync(reader, $"/api/credit/subjects/{subject}/measures")).GetProperty("measures")
            .EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!, m => m);
        Assert.Contains("no-civilized-unit-title", measures.Keys);
        Assert.Contains("no-honours", measures.Keys);
        Assert.DoesNotContain("no-public-procurement", measures.Keys);
        Assert.Equal([general], measures["no-civilized-unit-title"].GetProperty("because").EnumerateArray()
            .Select(b => b.GetProperty("entryId").GetGuid()));
        Assert.Equal(2, measures["stricter-inspection"].GetProperty("because").GetArrayLength());

        fixture.SetToday(start.AddMonths(6).AddDays(1));
        var later = await CreditApi.GetJsonAsync(admin, $"/api/credit/subjects/{subject}/measures");
        Assert.Empty(later.GetProperty("measures").EnumerateArray());
        using var missing = await admin.GetAsync($"/api/credit/subjects/{Guid.NewGuid()}/measures");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

/// <summary>Two replicas of the credit service: a listing lifted through one stops being published by the other at once.</summary>
[Collection(CreditListCollection.Name)]
public sealed class PublicQueryReplicaTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task A_listing_lifted_through_one_replica_leaves_the_other_replicas_cache_at_once()
    {
        // The other replica keeps answers for ten minutes: only the word from the first can take the entry out in time.
        await using var other = new ServiceHost<Program>("credit", fixture.Service.DatabaseConnectionString, fixture.Servers.BrokerUri,
            new Dictionary<string, string?>
            {
                ["CreditList:PublicQueryCacheDuration"] = "00:10:00",
                ["CreditList:ExpiryInterval"] = "01:00:00",
            },
            services => services.AddSingleton<TimeProvider>(fixture.Clock));
        other.StartServer();

        using var admin = fixture.Service.Admin();
        using var anonymous = other.Anonymous();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var code = CreditApi.NewCreditCode();
        var entry = await CreditApi.ProposeAsync(admin, await CreditApi.CreateOrganizationAsync(admin, code), "black", "general",
            start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        var path = $"/api/credit/public/entries?identifier={code}";
        await Polling.UntilAsync(async () =>
        {
            using var answer = await anonymous.GetAsync(path);
            return answer.Headers.Contains("Age") ? "cached" : null;
        }, TimeSpan.FromSeconds(10), "the other replica answers from its cache");

        using var revoked = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/revoke", new { reason = "Decision overturned" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await Polling.UntilAsync(async () =>
        {
            using var answer = await anonymous.GetAsync(path);
            return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32() == 0
                ? "gone" : null;
        }, TimeSpan.FromSeconds(5), "the revoked entry leaves the other replica's answers");
    }
}
