using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class ObjectionsTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task An_objection_marks_the_entry_at_once_with_a_deadline_of_20_working_days_across_the_holiday()
    {
        using var admin = fixture.Service.Admin();
        var entry = await CreditApi.ActiveBlackEntryAsync(fixture, admin, new DateOnly(2024, 9, 10));
        fixture.SetToday(new DateOnly(2024, 9, 27));
        var objection = await CreditApi.FileObjectionAsync(admin, entry);
        // From Fri 27 Sep 2024: Sun 29 (made up) and Mon 30, no work 1–7 Oct, Sat 12 Oct made up: the 20th is 30 Oct.
        Assert.Equal("2024-10-30", objection.GetProperty("decideBy").GetString());
        Assert.Equal("pending", objection.GetProperty("status").GetString());

        Assert.True((await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}")).GetProperty("underObjection").GetBoolean());
        var evt = JsonDocument.Parse(Assert.Single(await fixture.EventsAsync("ListingUnderObjection", entry))).RootElement;
        Assert.Equal("2024-10-30", evt.GetProperty("decideBy").GetString());

        using var second = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/objections",
            new { filedBy = "X", grounds = "Again." });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Overdue_objections_are_listed_and_a_dismissal_clears_the_mark_with_a_written_reply()
    {
        using var admin = fixture.Service.Admin();
        var entry = await CreditApi.ActiveBlackEntryAsync(fixture, admin, new DateOnly(2025, 4, 1));
        fixture.SetToday(new DateOnly(2025, 4, 14));
        var id = (await CreditApi.FileObjectionAsync(admin, entry)).GetProperty("id").GetGuid();
        var decideBy = DateOnly.Parse((await CreditApi.GetJsonAsync(admin, $"/api/credit/objections/{id}"))
            .GetProperty("decideBy").GetString()!);

        fixture.SetToday(decideBy);
        var onTime = await CreditApi.GetJsonAsync(admin, $"/api/credit/objections?overdue=true&entryId={entry}");
        Assert.Equal(0, onTime.GetProperty("total").GetInt32());
        fixture.SetToday(decideBy.AddDays(1));
        var late = await CreditApi.GetJsonAsync(admin, $"/api/credit/objections?overdue=true&entryId={entry}");
        Assert.Equal(1, late.GetProperty("total").GetInt32());
        Assert.True(late.GetProperty("items")[0].GetProperty("overdue").GetBoolean());

        using var noReply = await admin.PostAsJsonAsync($"/api/credit/objections/{id}/decision", new { outcome = "dismissed" });
        Assert.Equal(HttpStatusCode.BadRequest, noReply.StatusCode);
        var decided = await CreditApi.PostOkAsync(admin, $"/api/credit/objections/{id}/decision",
            new { outcome = "dismissed", reply = "The shop's own records show both sales." });
        Assert.Equal("dismissed", decided.GetProperty("status").GetString());
        var after = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}");
        Assert.False(after.GetProperty("underObjection").GetBoolean());
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal("objection-cleared", after.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());

        using var twice = await admin.PostAsJsonAsync($"/api/credit/objections/{id}/decision",
            new { outcome = "dismissed", reply = "Again." });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task An_upheld_objection_revokes_the_entry_and_lifts_the_listing()
    {
        using var admin = fixture.Service.Admin();
        var entry = await CreditApi.ActiveBlackEntryAsync(fixture, admin, new DateOnly(2025, 4, 1));
        var id = (await CreditApi.FileObjectionAsync(admin, entry)).GetProperty("id").GetGuid();
        using var noCorrection = await admin.PostAsJsonAsync($"/api/credit/objections/{id}/decision",
            new { outcome = "corrected", reply = "Upheld." });
        Assert.Equal(HttpStatusCode.BadRequest, noCorrection.StatusCode);
        await CreditApi.PostOkAsync(admin, $"/api/credit/objections/{id}/decision",
            new { outcome = "corrected", correction = "revoke", reply = "Upheld: the sale was by another shop." });
        var after = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}");
        Assert.Equal("revoked", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("underObjection").GetBoolean());
        var lifted = JsonDocument.Parse(Assert.Single(await fixture.EventsAsync("ListingLifted", entry))).RootElement;
        Assert.Equal("revoked", lifted.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_objection_corrected_by_amendment_changes_the_entry_and_clears_the_mark()
    {
        using var admin = fixture.Service.Admin();
        var entry = await CreditApi.ActiveBlackEntryAsync(fixture, admin, new DateOnly(2025, 4, 1));
        var id = (await CreditApi.FileObjectionAsync(admin, entry)).GetProperty("id").GetGuid();
        await CreditApi.PostOkAsync(admin, $"/api/credit/objections/{id}/decision",
            new { outcome = "corrected", correction = "amend", facts = "Sold expired medicine once.", reply = "Partly upheld: one sale." });
        var after = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}");
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal("Sold expired medicine once.", after.GetProperty("facts").GetString());
        Assert.False(after.GetProperty("underObjection").GetBoolean());
    }
}
