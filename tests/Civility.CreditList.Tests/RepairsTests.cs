using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class RepairsTests(CreditListServiceFixture fixture)
{
    private static object Application(bool signed = true) => new
    {
        applicant = "Baiyun Pharmaceutical Co.",
        proofOfCorrection = "Fine paid (receipt 2025-118); expired stock destroyed under supervision.",
        commitment = "We undertake to keep the law on medicines and accept supervision.",
        commitmentSigned = signed,
    };

    [Fact]
    public async Task A_repair_too_early_is_refused_then_accepted_followed_by_query_code_and_approval_lifts_the_entry()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var code = CreditApi.NewCreditCode();
        var subject = await CreditApi.CreateOrganizationAsync(admin, code);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "general", start, start.AddMonths(9));
        await CreditApi.ActivateAsync(fixture, admin, entry);

        fixture.SetToday(start.AddMonths(3).AddDays(-1));
        using var early = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/repairs", Application());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("2025-06-03", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("earliest").GetString());

        fixture.SetToday(new DateOnly(2025, 6, 3)); // a Tuesday
        using var unsigned = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/repairs", Application(signed: false));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        using var accepted = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/repairs", Application());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var repair = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var queryCode = repair.GetProperty("queryCode").GetString()!;
        Assert.Equal(12, queryCode.Length);
        Assert.Equal("2025-06-10", repair.GetProperty("decideBy").GetString()); // 5 working days
        using var second = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/repairs", Application());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var progress = await CreditApi.GetJsonAsync(anonymous, $"/api/credit/repairs/progress/{queryCode.ToLowerInvariant()}");
        Assert.Equal("submitted", progress.GetProperty("status").GetString());
        Assert.Equal("2025-06-10", progress.GetProperty("decideBy").GetString());
        Assert.False(progress.TryGetProperty("applicant", out _));
        using var unknown = await anonymous.GetAsync("/api/credit/repairs/progress/NOSUCHCODE22");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        fixture.SetToday(new DateOnly(2025, 6, 11));
        var overdue = await CreditApi.GetJsonAsync(admin, $"/api/credit/repairs?overdue=true&entryId={entry}");
        Assert.Equal(1, overdue.GetProperty("total").GetInt32());
        fixture.SetToday(new DateOnly(2025, 6, 5));
        Assert.Equal(0, (await CreditApi.GetJsonAsync(admin, $"/api/credit/repairs?overdue=true&entryId={entry}"))
            .GetProperty("total").GetInt32());
        await CreditApi.PostOkAsync(admin, $"/api/credit/repairs/{repair.GetProperty("id").GetGuid()}/decision",
            new { approve = true, reply = "Correction verified; the listing is lifted." });
        progress = await CreditApi.GetJsonAsync(anonymous, $"/api/credit/repairs/progress/{queryCode}");
        Assert.Equal("approved", progress.GetProperty("status").GetString());
        Assert.Equal("2025-06-05", progress.GetProperty("decidedOn").GetString());

        var after = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}");
        Assert.Equal("repaired", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("formerlyListed").GetBoolean());
        Assert.Equal(4, after.GetProperty("history").GetArrayLength());
        var lifted = JsonDocument.Parse(Assert.Single(await fixture.EventsAsync("ListingLifted", entry))).RootElement;
        Assert.Equal("repaired", lifted.GetProperty("reason").GetString());
        Assert.Equal(0, (await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/entries?identifier={code}"))
            .GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_red_or_inactive_entry_cannot_be_repaired()
    {
        using var admin = fixture.Service.Admin();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var red = await CreditApi.ProposeAsync(admin, subject, "red", null, start, start.AddYears(1));
        await CreditApi.ActivateAsync(fixture, admin, red);
        using var redRepair = await admin.PostAsJsonAsync($"/api/credit/entries/{red}/repairs", Application());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, redRepair.StatusCode);
        var proposed = await CreditApi.ProposeAsync(admin, subject, "black", "minor", start, start.AddMonths(2));
        using var proposedRepair = await admin.PostAsJsonAsync($"/api/credit/entries/{proposed}/repairs", Application());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, proposedRepair.StatusCode);
    }
}
