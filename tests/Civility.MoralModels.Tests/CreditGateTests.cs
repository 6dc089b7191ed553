using System.Net;
using Civility.Contracts.CreditList;
using Civility.Domain.PersonalData;
using Civility.Hosting.PersonalData;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.MoralModels.Tests;

[Collection(MoralModelsCollection.Name)]
public sealed class CreditGateTests(MoralModelsServiceFixture fixture)
{
    private readonly MoralApi _api = new(fixture);

    private SubjectBlacklisted Blacklisted(string idNumber) => new(Guid.NewGuid(),
        new CreditSubjectRef(Guid.NewGuid(), "person", "Zhang Wei", CitizenIdNumber.Mask(idNumber),
            _api.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(CitizenIdNumber.Normalize(idNumber))),
        "general", $"Xian-Credit-{Random.Shared.Next(1000, 9999)}", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private async Task PublishAsync<T>(T message) where T : Civility.Contracts.IntegrationEvent =>
        await _api.Service.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = message.EventId);

    private async Task<long> ListingsAsync(Guid entryId, bool lifted) => await _api.ScalarAsync(
        $"SELECT count(*) FROM moral_models.credit_listings WHERE entry_id = @e AND lifted_at IS {(lifted ? "NOT " : "")}NULL",
        ("e", entryId));

    private async Task UntilAsync(Func<Task<bool>> condition, string what) =>
        await Polling.UntilAsync<object>(async () => await condition() ? new object() : null, TimeSpan.FromSeconds(20), what);

    [Fact]
    public async Task A_black_listed_person_cannot_be_nominated_and_the_refusal_names_the_listing()
    {
        var idNumber = MoralApi.NewCitizenId();
        var listing = Blacklisted(idNumber);
        await PublishAsync(listing);
        await UntilAsync(async () => await ListingsAsync(listing.EntryId, lifted: false) == 1, "the listing reaches the local view");

        using var admin = _api.Admin();
        using var refused = await _api.NominatePersonAsync(admin, await _api.CreateRoundAsync(), idNumber, MoralApi.NewUnit());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await MoralApi.JsonAsync(refused);
        Assert.Equal(listing.EntryId, problem.GetProperty("listingEntryId").GetGuid());
        Assert.Equal(listing.DecisionNumber, problem.GetProperty("decisionNumber").GetString());
        Assert.Contains(listing.DecisionNumber, problem.GetProperty("detail").GetString());
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions WHERE action = 'nominate' AND NOT allowed AND listing_entry_id = @e",
            ("e", listing.EntryId)));
    }

    [Fact]
    public async Task A_lifting_that_overtakes_its_listing_leaves_nothing_suspended_or_refused()
    {
        // Listing and lifting travel on different queues: after a backlog the lifting may be consumed first.
        var idNumber = MoralApi.NewCitizenId();
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(), idNumber);
        var listing = Blacklisted(idNumber);

        await PublishAsync(new ListingLifted(listing.EntryId, listing.Subject, "black", "repaired"));
        await UntilAsync(async () => await ListingsAsync(listing.EntryId, lifted: true) == 1, "the lifting is kept");
        await PublishAsync(listing);
        await UntilAsync(async () => await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_listings WHERE entry_id = @e AND decision_number = @d",
            ("e", listing.EntryId), ("d", listing.DecisionNumber)) == 1, "the late listing fills in its details");

        Assert.Equal("in-publicity", await _api.StatusAsync(id));
        Assert.Equal(0, await ListingsAsync(listing.EntryId, lifted: false));
        Assert.Empty(await _api.OutboxAsync("NominationSuspended", id.ToString()));
        using var admin = _api.Admin();
        using var accepted = await _api.NominatePersonAsync(admin, await _api.CreateRoundAsync(), idNumber, MoralApi.NewUnit());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_listing_arriving_mid_way_suspends_once_and_after_it_is_lifted_an_admin_resumes()
    {
        var idNumber = MoralApi.NewCitizenId();
        var id = await _api.InPublicityAsync(await _api.CreateRoundAsync(), idNumber);
        var listing = Blacklisted(idNumber);

        await PublishAsync(listing);
        await PublishAsync(listing); // the same message again: one effect
        await UntilAsync(async () => await _api.StatusAsync(id) == "suspended", "the nomination is suspended");
        await UntilAsync(async () => await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.inbox_messages WHERE message_id = @m", ("m", listing.EventId)) == 1,
            "the message is in the inbox");
        // The duplicate has had time to arrive and be discarded by the time a later message is consumed.
        var marker = Blacklisted(MoralApi.NewCitizenId());
        await PublishAsync(marker);
        await UntilAsync(async () => await ListingsAsync(marker.EntryId, lifted: false) == 1, "a later message is consumed");

        var nomination = await _api.GetNominationAsync(id);
        Assert.Contains(listing.DecisionNumber, nomination.GetProperty("suspensionReason").GetString());
        Assert.Equal(listing.EntryId, nomination.GetProperty("suspensionListingId").GetGuid());
        Assert.Single(await _api.OutboxAsync("NominationSuspended", id.ToString()));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.nomination_transitions " +
            "WHERE nomination_id = @n AND action = 'suspend' AND listing_entry_id = @e",
            ("n", id), ("e", listing.EntryId)));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions " +
            "WHERE nomination_id = @n AND action = 'suspend' AND listing_entry_id = @e",
            ("n", id), ("e", listing.EntryId)));

        // While listed it cannot be resumed: 422 naming the listing.
        using (var early = await _api.TransitionAsync(id, "resume", "Asked by the unit"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.Equal(listing.EntryId, (await MoralApi.JsonAsync(early)).GetProperty("listingEntryId").GetGuid());
        }

        var lifted = new ListingLifted(listing.EntryId, listing.Subject, "black", "repaired");
        await PublishAsync(lifted);
        await PublishAsync(lifted);
        await UntilAsync(async () => await ListingsAsync(listing.EntryId, lifted: true) == 1, "the listing is lifted");
        Assert.Equal("suspended", await _api.StatusAsync(id));

        var resumed = await _api.MoveAsync(id, "resume", "Credit repaired (信用修复); publicity continues.");
        Assert.Equal("in-publicity", resumed.GetProperty("status").GetString());
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions WHERE nomination_id = @n AND action = 'resume' AND allowed",
            ("n", id)));
    }

    [Fact]
    public async Task Publicity_is_refused_while_a_listing_is_active_and_the_decision_keeps_the_listing()
    {
        var idNumber = MoralApi.NewCitizenId();
        var id = await _api.NewNominationAsync(await _api.CreateRoundAsync(), idNumber);
        await _api.MoveAsync(id, "review");
        // The listing lands in the local view between the consumer's sweep and the publicize request.
        var entry = Guid.NewGuid();
        var hash = _api.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(idNumber);
        await _api.ScalarAsync(
            "INSERT INTO moral_models.credit_listings (entry_id, subject_kind, subject_name, masked_identifier, subject_key_hash, tier, " +
            "decision_number, published_from, published_until, received_at) VALUES (@e, 'person', 'Zhang Wei', '3301**********0000', @h, " +
            "'serious', 'Xian-Credit-0042', '2026-01-01', '2027-01-01', now()) RETURNING 1", ("e", entry), ("h", hash));

        using var refused = await _api.TransitionAsync(id, "publicize");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(entry, (await MoralApi.JsonAsync(refused)).GetProperty("listingEntryId").GetGuid());
        Assert.Equal("under-review", await _api.StatusAsync(id));
        Assert.Empty(await _api.OutboxAsync("NominationPublicized", id.ToString()));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions " +
            "WHERE nomination_id = @n AND action = 'publicize' AND NOT allowed AND listing_entry_id = @e",
            ("n", id), ("e", entry)));
    }

    [Fact]
    public async Task A_model_listed_in_the_local_view_is_not_commended_and_nothing_of_the_commendation_is_saved()
    {
        var idNumber = MoralApi.NewCitizenId();
        var round = await _api.CreateRoundAsync(publicityDays: 1);
        var clean = await _api.SelectedAsync(round, 1);
        var listed = await _api.SelectedAsync(round, 1, idNumber);
        var entry = Guid.NewGuid();
        var hash = _api.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(idNumber);
        await _api.ScalarAsync(
            "INSERT INTO moral_models.credit_listings (entry_id, subject_kind, subject_name, masked_identifier, subject_key_hash, tier, " +
            "decision_number, published_from, published_until, received_at) VALUES (@e, 'person', 'Zhang Wei', '3301**********0000', @h, " +
            "'general', 'Xian-Credit-0043', '2026-01-01', '2026-12-31', now()) RETURNING 1", ("e", entry), ("h", hash));

        using var refused = await _api.CommendAsync(clean, listed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Xian-Credit-0043", (await MoralApi.JsonAsync(refused)).GetProperty("decisionNumber").GetString());
        Assert.Equal("selected", await _api.StatusAsync(clean));
        Assert.Equal("selected", await _api.StatusAsync(listed));
        Assert.Empty(await _api.OutboxAsync("ModelCommended", clean.ToString()));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions " +
            "WHERE nomination_id = @n AND action = 'commend' AND NOT allowed AND listing_entry_id = @e",
            ("n", listed), ("e", entry)));
    }

    [Fact]
    public async Task A_selected_model_listed_before_commendation_is_suspended_and_cannot_be_commended()
    {
        var idNumber = MoralApi.NewCitizenId();
        var id = await _api.SelectedAsync(await _api.CreateRoundAsync(publicityDays: 1), 1, idNumber);
        await PublishAsync(Blacklisted(idNumber));
        await UntilAsync(async () => await _api.StatusAsync(id) == "suspended", "the selected model is suspended");

        using var commend = await _api.CommendAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, commend.StatusCode);
        Assert.Equal("suspended", await _api.StatusAsync(id));
        Assert.Empty(await _api.OutboxAsync("ModelCommended", id.ToString()));
    }

    private static SubjectBlacklisted OrganizationBlacklisted(string creditCode) => new(Guid.NewGuid(),
        new CreditSubjectRef(Guid.NewGuid(), "organization", "County Clinic", creditCode, null),
        "serious", $"Xian-Credit-{Random.Shared.Next(1000, 9999)}", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));

    private static string NewCreditCode() =>
        Civility.Domain.Identifiers.UnifiedSocialCreditCode.WithCheck($"12330100{Random.Shared.Next(100_000_000, 999_999_999)}");

    private async Task<long> KnownUnitsAsync(string unitCode, string creditCode) => await _api.ScalarAsync(
        "SELECT count(*) FROM moral_models.known_units WHERE unit_code = @u AND credit_code = @c", ("u", unitCode), ("c", creditCode));

    [Fact]
    public async Task A_black_listed_unit_suspends_its_nominations_in_progress_and_bars_new_ones_naming_the_listing()
    {
        var unit = MoralApi.NewUnit();
        var creditCode = NewCreditCode();
        await PublishAsync(new Civility.Contracts.Volunteers.UnitDetailsChanged(unit, "County Clinic", creditCode));
        await UntilAsync(async () => await KnownUnitsAsync(unit, creditCode) == 1, "the unit's credit code is known");
        var round = await _api.CreateRoundAsync();
        var inProgress = await _api.NewNominationAsync(round, MoralApi.NewCitizenId(), unit);
        var otherUnit = await _api.NewNominationAsync(round, MoralApi.NewCitizenId(), MoralApi.NewUnit());

        var listing = OrganizationBlacklisted(creditCode);
        await PublishAsync(listing);
        await UntilAsync(async () => await _api.StatusAsync(inProgress) == "suspended", "the unit's nomination is suspended");
        var suspended = await _api.GetNominationAsync(inProgress);
        Assert.Contains(unit, suspended.GetProperty("suspensionReason").GetString());
        Assert.Equal(listing.EntryId, suspended.GetProperty("suspensionListingId").GetGuid());
        Assert.Equal("nominated", await _api.StatusAsync(otherUnit));
        Assert.Equal(1, await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.credit_gate_decisions " +
            "WHERE nomination_id = @n AND action = 'suspend' AND unit_code = @u AND listing_entry_id = @e",
            ("n", inProgress), ("u", unit), ("e", listing.EntryId)));

        using var admin = _api.Admin();
        using var refused = await _api.NominatePersonAsync(admin, round, MoralApi.NewCitizenId(), unit);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await MoralApi.JsonAsync(refused);
        Assert.Equal(listing.EntryId, problem.GetProperty("listingEntryId").GetGuid());
        Assert.Contains(unit, problem.GetProperty("title").GetString());

        await PublishAsync(new ListingLifted(listing.EntryId, listing.Subject, "black", "repaired"));
        await UntilAsync(async () => await ListingsAsync(listing.EntryId, lifted: true) == 1, "the listing is lifted");
        using var accepted = await _api.NominatePersonAsync(admin, round, MoralApi.NewCitizenId(), unit);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_civilized_units_credit_code_fills_a_gap_but_does_not_override_the_volunteer_services_word()
    {
        var described = MoralApi.NewUnit();
        var ownCode = NewCreditCode();
        await PublishAsync(new Civility.Contracts.Volunteers.UnitDetailsChanged(described, "Hospital", ownCode));
        await UntilAsync(async () => await KnownUnitsAsync(described, ownCode) == 1, "the volunteer service's unit is known");
        var civilized = new Civility.Contracts.VillagePairing.CivilizedUnitStatusChanged(
            Guid.NewGuid(), described, "Hospital", NewCreditCode(), "none", "active", "Title granted");
        await PublishAsync(civilized);
        await UntilAsync(async () => await _api.ScalarAsync(
            "SELECT count(*) FROM moral_models.inbox_messages WHERE message_id = @m", ("m", civilized.EventId)) == 1,
            "the civilized unit's event is consumed");

        var gap = MoralApi.NewUnit();
        var gapCode = NewCreditCode();
        await PublishAsync(new Civility.Contracts.VillagePairing.CivilizedUnitStatusChanged(
            Guid.NewGuid(), gap, "Health Centre", gapCode, "none", "active", "Title granted"));
        await UntilAsync(async () => await KnownUnitsAsync(gap, gapCode) == 1, "the civilized unit's code fills the gap");
        Assert.Equal(1, await KnownUnitsAsync(described, ownCode));
    }
}
