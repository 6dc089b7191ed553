using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Civility.Volunteers.Tests;

[Collection(VolunteersCollection.Name)]
public sealed class RegistrationTests(VolunteersServiceFixture fixture)
{
    public static TheoryData<string, string> InvalidIds()
    {
        var valid = TestIdentities.CitizenId();
        var badDate = "33010219991340" + "123";
        var badRegion = "990102" + valid[6..17];
        return new()
        {
            { TestIdentities.WithWrongCheck(valid), "check character" },
            { badDate + TestIdentities.CheckCharacter(badDate), "birth date" },
            { badRegion + TestIdentities.CheckCharacter(badRegion), "region code" },
            { valid[..17], "18 characters" },
            { valid + "1", "18 characters" },
            { "", "required" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public async Task An_invalid_citizen_ID_number_answers_400_naming_the_field(string idNumber, string reason)
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var response = await admin.PostAsJsonAsync("/api/volunteers", new { name = "李四", idNumber, unitCode = unit });
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("idNumber")[0].GetString()!;
        Assert.Contains(reason, message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23912345678")]
    [InlineData("139123456789")]
    public async Task A_phone_that_is_not_a_mainland_number_answers_400_naming_the_field(string phone)
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var response = await admin.PostAsJsonAsync("/api/volunteers",
            new { name = "李四", idNumber = TestIdentities.CitizenId(), unitCode = unit, phone });
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task A_phone_is_kept_in_one_spelling_however_it_is_written()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var registered = await admin.RegisterAsync(unit, TestIdentities.CitizenId(), phone: "+86 139-1234-5678");
        Assert.Equal("139****5678", registered.GetProperty("maskedPhone").GetString());
    }

    [Fact]
    public async Task A_valid_number_registers_and_every_response_shows_it_masked()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var id = TestIdentities.CitizenId();
        var registered = await admin.RegisterAsync(unit, id, phone: "13912345678");
        var expectedMask = id[..4] + "**********" + id[^4..];
        Assert.Equal(expectedMask, registered.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("139****5678", registered.GetProperty("maskedPhone").GetString());

        var bodies = new[]
        {
            registered.GetRawText(),
            await admin.GetStringAsync($"/api/volunteers/{registered.Id()}"),
            await admin.GetStringAsync($"/api/volunteers?unitCode={unit}"),
            await Outbox.AllBodiesAsync(fixture.Service.DatabaseConnectionString),
            await admin.GetStringAsync($"/api/volunteers/audit?entity=Volunteer&entityId={registered.Id()}"),
        };
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain(id, body);
            Assert.DoesNotContain("13912345678", body);
        });
    }

    [Fact]
    public async Task A_second_registration_of_the_same_person_answers_409_with_the_existing_volunteer()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var id = TestIdentities.CitizenId();
        var first = await admin.RegisterAsync(unit, id);
        var again = await admin.PostAsJsonAsync("/api/volunteers",
            new { name = "张三", idNumber = id.ToLowerInvariant(), unitCode = unit });
        var problem = await again.JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id(), problem.GetProperty("existingId").GetGuid());
    }

    [Fact]
    public async Task Deactivation_needs_a_reason_keeps_the_volunteer_and_can_be_undone()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = await admin.RegisterAsync(await admin.NewUnitAsync());
        await (await admin.PostAsJsonAsync($"/api/volunteers/{volunteer.Id()}/deactivate", new { reason = "" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var inactive = await (await admin.PostAsJsonAsync($"/api/volunteers/{volunteer.Id()}/deactivate", new { reason = "Left the unit" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("inactive", inactive.GetProperty("status").GetString());
        await (await admin.PostAsJsonAsync($"/api/volunteers/{volunteer.Id()}/deactivate", new { reason = "again" }))
            .JsonAsync(HttpStatusCode.Conflict);
        var active = await (await admin.PostAsJsonAsync($"/api/volunteers/{volunteer.Id()}/reactivate", new { reason = "Came back" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.Single(await Outbox.EventsAsync(fixture.Service.DatabaseConnectionString, "VolunteerDeactivated"),
            e => e.GetProperty("volunteerId").GetGuid() == volunteer.Id());
    }

    [Fact]
    public async Task A_unit_scoped_client_cannot_see_or_touch_another_units_volunteers()
    {
        using var admin = fixture.Service.Admin();
        var unitA = await admin.NewUnitAsync();
        var unitB = await admin.NewUnitAsync();
        var ofB = await admin.RegisterAsync(unitB);
        using var clientA = fixture.Service.ClientFor("unit-a", unitA, "volunteers.read", "volunteers.write");

        await (await clientA.GetAsync($"/api/volunteers/{ofB.Id()}")).JsonAsync(HttpStatusCode.NotFound);
        await (await clientA.PostAsJsonAsync($"/api/volunteers/{ofB.Id()}/deactivate", new { reason = "x" }))
            .JsonAsync(HttpStatusCode.NotFound);
        var listed = await (await clientA.GetAsync($"/api/volunteers?unitCode={unitB}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        var otherUnit = await clientA.PostAsJsonAsync("/api/volunteers",
            new { name = "王五", idNumber = TestIdentities.CitizenId(), unitCode = unitB });
        await otherUnit.JsonAsync(HttpStatusCode.BadRequest);
        var own = await clientA.RegisterAsync(unitA);
        Assert.Equal(unitA, own.GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task A_CSV_import_registers_the_good_rows_reports_the_bad_ones_and_is_idempotent()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var existing = TestIdentities.CitizenId();
        await admin.RegisterAsync(unit, existing);
        var file = new StringBuilder("name,id_number,phone,unit_code,is_staff,skills\n")
            .Append($"赵六,{TestIdentities.CitizenId()},13800000001,{unit},true,medical;party-member\n")
            .Append($"钱七,{TestIdentities.WithWrongCheck(TestIdentities.CitizenId())},,{unit},true,\n")
            .Append($"孙八,{TestIdentities.CitizenId()},,NO-SUCH-UNIT,true,\n")
            .Append($",{TestIdentities.CitizenId()},,{unit},maybe,\n")
            .Append($"周九,{existing},,{unit},false,\n")
            .Append($"吴十,{TestIdentities.CitizenId()},,{unit},false,\n")
            .Append($"郑一,{TestIdentities.CitizenId()},12345,{unit},false,\n")
            .ToString();

        var first = await (await admin.PostAsync("/api/volunteers/import", new StringContent(file, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, first.GetProperty("rows").GetInt32());
        Assert.Equal(2, first.GetProperty("imported").GetInt32());
        Assert.Equal(1, first.GetProperty("skipped").GetInt32());
        Assert.Equal(4, first.GetProperty("rejected").GetInt32());
        var errors = first.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((3, "id_number"), errors);
        Assert.Contains((4, "unit_code"), errors);
        Assert.Contains((5, "name"), errors);
        Assert.Contains((5, "is_staff"), errors);
        Assert.Contains((8, "phone"), errors);

        var second = await (await admin.PostAsync("/api/volunteers/import", new StringContent(file, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(3, second.GetProperty("skipped").GetInt32());
        var listed = await (await admin.GetAsync($"/api/volunteers?unitCode={unit}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
    }
}
