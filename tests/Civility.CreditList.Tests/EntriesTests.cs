using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class EntriesTests(CreditListServiceFixture fixture)
{
    private static readonly DateOnly Start = new(2024, 9, 20);

    [Theory]
    [InlineData("black", "minor", 3, true)]
    [InlineData("black", "minor", 4, false)]
    [InlineData("black", "general", 2, false)]
    [InlineData("black", "general", 3, true)]
    [InlineData("black", "general", 12, true)]
    [InlineData("black", "general", 13, false)]
    [InlineData("black", "serious", 11, false)]
    [InlineData("black", "serious", 24, true)]
    [InlineData("black", "serious", 36, true)]
    [InlineData("black", "serious", 37, false)]
    [InlineData("red", null, 24, true)]
    [InlineData("red", null, 37, false)]
    public async Task The_publication_period_must_fit_the_tier(string list, string? tier, int months, bool fits)
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(Start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        using var response = await admin.PostAsJsonAsync("/api/credit/entries",
            CreditApi.Proposal(subject, list, tier, Start, Start.AddMonths(months)));
        Assert.Equal(fits ? HttpStatusCode.Created : HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_answer_400_and_a_black_entry_needs_a_tier()
    {
        using var admin = fixture.Service.Admin();
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        using var response = await admin.PostAsJsonAsync("/api/credit/entries",
            new { subjectId = subject, listType = "black", tier = "huge" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[]
            { "tier", "law", "article", "facts", "decisionNumber", "decidingDepartment", "publishedFrom", "publishedUntil" })
            Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task An_entry_goes_proposed_notified_active_and_activation_announces_the_black_listing_once()
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(Start); // Friday 20 Sep 2024
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "general", Start, Start.AddMonths(6));

        var notified = await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{entry}/notify", new { reason = "Notice served." });
        Assert.Equal("notified", notified.GetProperty("status").GetString());
        // 5 working days after Friday 20 Sep: 23–27 Sep.
        Assert.Equal("2024-09-27", notified.GetProperty("statementDeadline").GetString());

        fixture.SetToday(new DateOnly(2024, 9, 27));
        using var early = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/activate", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Empty(await fixture.EventsAsync("SubjectBlacklisted", entry));

        fixture.SetToday(new DateOnly(2024, 9, 28));
        var active = await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{entry}/activate", new { });
        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.Equal(["revoke", "amend"], active.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var history = active.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["propose", "notify", "activate"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.All(history, h => Assert.Equal("test-admin", h.GetProperty("actor").GetString()));
        Assert.Equal("Notice served.", history[1].GetProperty("reason").GetString());

        var events = await fixture.EventsAsync("SubjectBlacklisted", entry);
        var evt = JsonDocument.Parse(Assert.Single(events)).RootElement;
        Assert.Equal("general", evt.GetProperty("tier").GetString());
        Assert.Equal("organization", evt.GetProperty("subject").GetProperty("kind").GetString());
        var code = (await CreditApi.GetJsonAsync(admin, $"/api/credit/subjects/{subject}")).GetProperty("identifier").GetString();
        Assert.Equal(code, evt.GetProperty("subject").GetProperty("maskedIdentifier").GetString());
    }

    [Fact]
    public async Task Illegal_transitions_answer_409_with_the_allowed_actions()
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(Start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "red", null, Start, Start.AddYears(1));

        using var activate = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/activate", new { });
        Assert.Equal(HttpStatusCode.Conflict, activate.StatusCode);
        var problem = await activate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("proposed", problem.GetProperty("state").GetString());
        Assert.Equal(["notify", "revoke", "amend"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{entry}/revoke", new { reason = "Proposed in error." });
        using var notify = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/notify", new { });
        Assert.Equal(HttpStatusCode.Conflict, notify.StatusCode);
        Assert.Empty((await notify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowed").EnumerateArray());
        // A proposal that was never published is not announced as lifted.
        Assert.Empty(await fixture.EventsAsync("ListingLifted", entry));

        using var noReason = await admin.PostAsJsonAsync($"/api/credit/entries/{Guid.NewGuid()}/revoke", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var missing = await admin.PostAsJsonAsync($"/api/credit/entries/{Guid.NewGuid()}/revoke", new { reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_revoked_red_listing_keeps_its_history_reads_formerly_listed_and_announces_the_lifting()
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(Start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "red", null, Start, Start.AddYears(1));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        Assert.Single(await fixture.EventsAsync("SubjectRedlisted", entry));

        var revoked = await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{entry}/revoke",
            new { reason = "The honour was obtained by fraud." });
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.True(revoked.GetProperty("formerlyListed").GetBoolean());
        Assert.Equal(["propose", "notify", "activate", "revoke"],
            revoked.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var lifted = JsonDocument.Parse(Assert.Single(await fixture.EventsAsync("ListingLifted", entry))).RootElement;
        Assert.Equal("revoked", lifted.GetProperty("reason").GetString());
        Assert.Equal("red", lifted.GetProperty("listType").GetString());

        var list = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries?subjectId={subject}&status=revoked");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.True(list.GetProperty("items")[0].GetProperty("formerlyListed").GetBoolean());
    }

    [Fact]
    public async Task An_amendment_must_still_fit_the_tier_and_is_recorded()
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(Start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "minor", Start, Start.AddMonths(2));
        using var tooLong = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/amend",
            new { publishedUntil = Start.AddMonths(6), reason = "Longer." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var amended = await CreditApi.PostOkAsync(admin, $"/api/credit/entries/{entry}/amend",
            new { facts = "Sold one expired medicine.", reason = "Facts corrected." });
        Assert.Equal("Sold one expired medicine.", amended.GetProperty("facts").GetString());
        Assert.Equal("amend", amended.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
    }
}

[Collection(CreditListCollection.Name)]
public sealed class ConcurrencyAndDocumentTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task Two_simultaneous_revocations_lift_the_listing_once_and_the_loser_gets_409()
    {
        using var admin = fixture.Service.Admin();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "general", start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            admin.PostAsJsonAsync($"/api/credit/entries/{entry}/revoke", new { reason = $"Decision {i} quashed." })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var response in responses) response.Dispose();
        Assert.Single(await fixture.EventsAsync("ListingLifted", entry));
        var history = (await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}")).GetProperty("history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "revoke");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_credit_endpoints()
    {
        using var anonymous = fixture.Service.Anonymous();
        var document = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/credit/public/entries", "/api/credit/entries/{id}/activate", "/api/credit/export/changes",
                     "/api/credit/subjects/{id}/measures", "/api/credit/repairs/progress/{code}", "/api/credit/objections/{id}/decision" })
            Assert.Contains(path, document);
    }
}
