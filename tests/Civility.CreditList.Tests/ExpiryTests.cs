using System.Text.Json;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class ExpiryTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task An_ended_publication_leaves_the_public_query_at_once_and_the_job_expires_it_announcing_once()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var code = CreditApi.NewCreditCode();
        var subject = await CreditApi.CreateOrganizationAsync(admin, code);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "minor", start, start.AddMonths(1));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        Assert.Equal(1, (await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/entries?identifier={code}"))
            .GetProperty("total").GetInt32());

        fixture.SetToday(start.AddMonths(1).AddDays(1));
        // Not yet expired by the job, but no longer published: the query looks at the period itself.
        Assert.Equal(0, (await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/entries?identifier={code}"))
            .GetProperty("total").GetInt32());

        Assert.True(await fixture.ExpiryJob.TryRunAsync(CancellationToken.None));
        Assert.True(await fixture.ExpiryJob.TryRunAsync(CancellationToken.None));

        var lifted = Assert.Single(await fixture.EventsAsync("ListingLifted", entry));
        Assert.Equal("expired", JsonDocument.Parse(lifted).RootElement.GetProperty("reason").GetString());
        var expired = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}");
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.True(expired.GetProperty("formerlyListed").GetBoolean());
        Assert.Equal(["propose", "notify", "activate", "expire"],
            expired.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(0, (await CreditApi.GetJsonAsync(anonymous, $"/api/credit/public/entries?identifier={code}"))
            .GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_job_leaves_entries_still_in_their_period_alone()
    {
        using var admin = fixture.Service.Admin();
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var subject = await CreditApi.CreateOrganizationAsync(admin);
        var entry = await CreditApi.ProposeAsync(admin, subject, "black", "general", start, start.AddMonths(6));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        fixture.SetToday(start.AddMonths(6)); // the last day of publication
        await fixture.ExpiryJob.TryRunAsync(CancellationToken.None);
        Assert.Equal("active", (await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}")).GetProperty("status").GetString());
        Assert.Empty(await fixture.EventsAsync("ListingLifted", entry));
    }
}
