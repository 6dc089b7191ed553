using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Contracts.CreditList;
using Civility.VillagePairing.Jobs;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class DynamicManagementTests(PairingServiceFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_black_listing_consumed_twice_warns_the_title_once_and_lifting_it_does_not_restore_it()
    {
        var code = PairingServiceFixture.NewCode("VETO");
        var credit = PairingServiceFixture.NewCreditCode();
        var id = (await fixture.CreateUnitAsync(code, credit)).GetProperty("id").GetGuid();
        var subject = new CreditSubjectRef(Guid.NewGuid(), "organization", $"Hospital {code}", credit, null);

        var listing = new SubjectBlacklisted(Guid.NewGuid(), subject, "serious", "JX-2026-017", fixture.Today, fixture.Today.AddYears(1));
        await fixture.PublishAsync(listing);
        await fixture.PublishAsync(listing);
        // Another listing of the same unit while it is warned proposes revocation again but warns no further.
        await fixture.PublishAsync(listing with { EventId = Guid.NewGuid(), EntryId = Guid.NewGuid(), DecisionNumber = "JX-2026-018" });
        // A person with the same identifier is not an organization: no title to touch.
        await fixture.PublishAsync(new SubjectBlacklisted(Guid.NewGuid(), subject with { Kind = "person" }, "minor", "JX-2026-019",
            fixture.Today, fixture.Today.AddMonths(2)));
        await SentinelAsync();

        var unit = await GetUnitAsync(id);
        Assert.Equal("warned", unit.GetProperty("status").GetString());
        Assert.True(unit.GetProperty("revocationProposed").GetBoolean());
        Assert.Single(unit.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "veto");
        var announced = (await fixture.OutboxAsync("CivilizedUnitStatusChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == code).ToList();
        Assert.Equal("warned", Assert.Single(announced).GetProperty("toStatus").GetString());

        await fixture.PublishAsync(new ListingLifted(listing.EntryId, subject, "black", "repaired"));
        await Polling.UntilAsync(async () =>
            (await GetUnitAsync(id)).GetProperty("history").EnumerateArray()
                .Any(h => h.GetProperty("action").GetString() == "listing-lifted") ? "ok" : null,
            Deadline, "the lifted listing noted");
        var noted = await GetUnitAsync(id);
        Assert.Equal("warned", noted.GetProperty("status").GetString());
        Assert.True(noted.GetProperty("revocationProposed").GetBoolean());

        using var admin = fixture.Admin();
        using var worklist = await admin.GetAsync("/api/pairing/civilized-units?revocationProposed=true&pageSize=200");
        Assert.Contains((await Http.ReadAsync(worklist, HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            u => u.GetProperty("unitCode").GetString() == code);
        using var revoke = await admin.PostAsJsonAsync($"/api/pairing/civilized-units/{id}/actions/revoke",
            new { reason = "One-vote veto confirmed" });
        Assert.Equal("revoked", (await Http.ReadAsync(revoke, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_title_whose_review_deadline_passes_lapses_and_is_announced()
    {
        var due = PairingServiceFixture.NewCode("LAPS");
        var later = PairingServiceFixture.NewCode("KEEP");
        // Term ends today: still valid today, lapsed the day after if no review is recorded.
        var dueId = (await fixture.CreateUnitAsync(due, termStart: fixture.Today.AddYears(-3).AddDays(1))).GetProperty("id").GetGuid();
        var laterId = (await fixture.CreateUnitAsync(later, termStart: fixture.Today)).GetProperty("id").GetGuid();
        await fixture.RunJobAsync<TitleLapseJob>();
        Assert.Equal("active", (await GetUnitAsync(dueId)).GetProperty("status").GetString());

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await fixture.RunJobAsync<TitleLapseJob>();
        var lapsed = await GetUnitAsync(dueId);
        Assert.Equal("lapsed", lapsed.GetProperty("status").GetString());
        Assert.Equal("schedule", lapsed.GetProperty("history")[0].GetProperty("by").GetString());
        Assert.Equal("active", (await GetUnitAsync(laterId)).GetProperty("status").GetString());
        var announced = (await fixture.OutboxAsync("CivilizedUnitStatusChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == due).ToList();
        Assert.Equal("lapsed", Assert.Single(announced).GetProperty("toStatus").GetString());

        // Two replicas running the round at once: the advisory lock lets one work; the title lapses once.
        var job = fixture.Job<TitleLapseJob>();
        await Task.WhenAll(job.TryRunAsync(CancellationToken.None), job.TryRunAsync(CancellationToken.None));
        Assert.Single(await fixture.OutboxAsync("CivilizedUnitStatusChanged"), e => e.GetProperty("unitCode").GetString() == due);
    }

    private async Task<JsonElement> GetUnitAsync(Guid id)
    {
        using var admin = fixture.Admin();
        using var response = await admin.GetAsync($"/api/pairing/civilized-units/{id}");
        return await Http.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>
    /// Waits until a black-listing published after the ones under test has been applied: the veto consumer has
    /// then taken everything published before it off its queue (MassTransit delivers in order; in-flight ones
    /// finish within the deadline of the poll).
    /// </summary>
    private async Task SentinelAsync()
    {
        var credit = PairingServiceFixture.NewCreditCode();
        var id = (await fixture.CreateUnitAsync(PairingServiceFixture.NewCode("SENT"), credit)).GetProperty("id").GetGuid();
        await fixture.PublishAsync(new SubjectBlacklisted(Guid.NewGuid(),
            new CreditSubjectRef(Guid.NewGuid(), "organization", "s", credit, null),
            "general", "S-1", fixture.Today, fixture.Today.AddMonths(6)));
        await Polling.UntilAsync(async () => (await GetUnitAsync(id)).GetProperty("status").GetString() == "warned" ? "ok" : null,
            Deadline, "the sentinel black-listing applied");
    }
}
