using System.Net;
using System.Net.Http.Json;

namespace Civility.Volunteers.Tests;

/// <summary>Every hour that counts has an approver of the volunteer's own unit (or an admin).</summary>
[Collection(VolunteersCollection.Name)]
public sealed class HoursApproverTests(VolunteersServiceFixture fixture)
{
    private const string Write = "volunteers.write";
    private const string Read = "volunteers.read";

    [Fact]
    public async Task Another_units_pairing_hours_wait_in_the_volunteers_unit_which_alone_approves_or_declines_them()
    {
        using var admin = fixture.Service.Admin();
        var unitA = await admin.NewUnitAsync();
        var unitB = await admin.NewUnitAsync();
        var ownVolunteer = (await admin.RegisterAsync(unitA)).Id();
        var otherVolunteer = (await admin.RegisterAsync(unitB)).Id();
        using var clientA = fixture.Service.ClientFor("unit-a", unitA, Read, Write);
        using var clientB = fixture.Service.ClientFor("unit-b", unitB, Read, Write);
        var year = fixture.CountyToday().Year;
        var date = fixture.CountyToday().AddDays(-10);

        await fixture.PairingActivityAsync(unitA, date, (ownVolunteer, 4m), (otherVolunteer, 6m));
        var own = Assert.Single(await admin.AwaitRecordsAsync(ownVolunteer, 1));
        var other = Assert.Single(await admin.AwaitRecordsAsync(otherVolunteer, 1));

        Assert.Equal("approved", own.GetProperty("status").GetString());
        Assert.Equal(("pending", unitB, unitA), (other.GetProperty("status").GetString(), other.GetProperty("unitCode").GetString(),
            other.GetProperty("originUnitCode").GetString()));
        Assert.Contains(unitB, other.GetProperty("heldReason").GetString());
        Assert.Equal(0m, (await admin.TargetsAsync(unitB, year)).GetProperty("staffHours").GetDecimal());
        Assert.Equal(0m, (await (await admin.GetAsync($"/api/volunteers/{otherVolunteer}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("approvedHours").GetDecimal());

        // The unit that ran the activity can neither see nor approve the other unit's volunteer's hours.
        await (await clientA.GetAsync($"{Hours.Records}/{other.Id()}")).JsonAsync(HttpStatusCode.NotFound);
        await (await clientA.PostAsync($"{Hours.Records}/{other.Id()}/approve", null)).JsonAsync(HttpStatusCode.NotFound);
        var bulk = await (await clientA.PostAsJsonAsync($"{Hours.Records}/approve", new { ids = new[] { other.Id() } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, bulk.GetProperty("approved").GetInt32());
        Assert.Equal(0m, (await admin.TargetsAsync(unitB, year)).GetProperty("staffHours").GetDecimal());

        await (await clientB.PostAsync($"{Hours.Records}/{other.Id()}/approve", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(6m, (await admin.TargetsAsync(unitB, year)).GetProperty("staffHours").GetDecimal());
        Assert.Equal(4m, (await admin.TargetsAsync(unitA, year)).GetProperty("staffHours").GetDecimal());

        // A second activity: unit B declines, and the hours stay out.
        await fixture.PairingActivityAsync(unitA, date.AddDays(1), (otherVolunteer, 3m));
        var second = (await admin.AwaitRecordsAsync(otherVolunteer, 2)).Single(r => r.GetProperty("status").GetString() == "pending");
        await (await clientB.PostAsJsonAsync($"{Hours.Records}/{second.Id()}/decline",
            new { reason = "Was on duty at the hospital that day" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(6m, (await admin.TargetsAsync(unitB, year)).GetProperty("staffHours").GetDecimal());
        var snapshot = await Hours.LatestSnapshotAsync(fixture.Service.DatabaseConnectionString, unitB, year);
        Assert.Equal(6m, snapshot!.Value.GetProperty("staffHours").GetDecimal());
    }

    [Fact]
    public async Task A_duplicate_registration_names_the_existing_volunteer_only_to_a_caller_who_may_see_them()
    {
        using var admin = fixture.Service.Admin();
        var unitA = await admin.NewUnitAsync();
        var unitB = await admin.NewUnitAsync();
        var idNumber = TestIdentities.CitizenId();
        var existing = (await admin.RegisterAsync(unitB, idNumber)).Id();
        using var clientA = fixture.Service.ClientFor("unit-a", unitA, Read, Write);
        using var clientB = fixture.Service.ClientFor("unit-b", unitB, Read, Write);

        object Again(string unit) => new { name = "张三", idNumber, unitCode = unit, isStaffOfUnit = true };
        var toA = await (await clientA.PostAsJsonAsync("/api/volunteers", Again(unitA))).JsonAsync(HttpStatusCode.Conflict);
        Assert.False(toA.TryGetProperty("existingId", out _), toA.GetRawText());
        Assert.DoesNotContain(existing.ToString(), toA.GetRawText());
        var toB = await (await clientB.PostAsJsonAsync("/api/volunteers", Again(unitB))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(existing, toB.GetProperty("existingId").GetGuid());
        var toAdmin = await (await admin.PostAsJsonAsync("/api/volunteers", Again(unitA))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(existing, toAdmin.GetProperty("existingId").GetGuid());
    }

    [Fact]
    public async Task Registration_deactivation_and_reactivation_move_the_units_published_figures_both_ways()
    {
        using var admin = fixture.Service.Admin();
        var year = fixture.CountyToday().Year;
        var unit = await admin.NewUnitAsync(headcount: 3, year: year);
        var database = fixture.Service.DatabaseConnectionString;
        var staff = (await admin.RegisterAsync(unit)).Id();
        await admin.RegisterAsync(unit, staff: false);
        async Task<(int Headcount, int Registered)> Published()
        {
            var snapshot = (await Hours.LatestSnapshotAsync(database, unit, year))!.Value;
            return (snapshot.GetProperty("headcount").GetInt32(), snapshot.GetProperty("registeredStaff").GetInt32());
        }
        Assert.Equal((3, 1), await Published());

        await (await admin.PostAsJsonAsync($"/api/volunteers/{staff}/deactivate", new { reason = "Left the unit" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((3, 0), await Published());
        Assert.Equal(0, (await admin.TargetsAsync(unit, year)).GetProperty("registeredStaff").GetInt32());

        await (await admin.PostAsJsonAsync($"/api/volunteers/{staff}/reactivate", new { reason = "Came back" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((3, 1), await Published());
        Assert.Single(await Outbox.EventsAsync(database, "VolunteerReactivated"), e => e.GetProperty("volunteerId").GetGuid() == staff);

        var versions = (await Outbox.EventsAsync(database, "UnitTargetsChanged"))
            .Where(e => e.GetProperty("unitCode").GetString() == unit && e.GetProperty("year").GetInt32() == year)
            .Select(e => e.GetProperty("figuresVersion").GetInt64()).ToList();
        Assert.Equal(versions.Order().ToList(), versions); // written in the order of their versions
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }
}
