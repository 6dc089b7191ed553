using System.Net;
using System.Net.Http.Json;

namespace Civility.Volunteers.Tests;

[Collection(VolunteersCollection.Name)]
public sealed class CertificateAndTargetsTests(VolunteersServiceFixture fixture)
{
    [Fact]
    public async Task A_certificate_is_issued_verified_by_anyone_and_not_changed_by_a_later_void()
    {
        using var admin = fixture.Service.Admin();
        var id = TestIdentities.CitizenId();
        var volunteer = (await admin.RegisterAsync(await admin.NewUnitAsync(), id)).Id();
        var record = await admin.ApprovedHoursAsync(volunteer, 6m, "2026-02-10");
        await admin.ApprovedHoursAsync(volunteer, 4m, "2026-03-10");
        await admin.ApprovedHoursAsync(volunteer, 9m, "2025-12-31"); // outside the period

        var certificate = await (await admin.PostAsJsonAsync($"/api/volunteers/{volunteer}/certificates",
            new { from = "2026-01-01", to = "2026-05-31", handler = "Li Ming", contact = "0571-88888888" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(10m, certificate.GetProperty("hours").GetDecimal());
        Assert.Equal(2, certificate.GetProperty("records").GetInt32());
        var number = certificate.GetProperty("number").GetString()!;
        var code = certificate.GetProperty("checkCode").GetString()!;
        Assert.DoesNotContain(id, certificate.GetRawText());

        await (await admin.PostAsJsonAsync($"/api/volunteers/service-records/{record.Id()}/void", new { reason = "wrong date" }))
            .JsonAsync(HttpStatusCode.OK);

        using var anyone = fixture.Service.Anonymous();
        var verified = await (await anyone.GetAsync($"/api/volunteers/public/certificates/{number}?code={code}"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.True(verified.GetProperty("genuine").GetBoolean());
        Assert.Equal(10m, verified.GetProperty("hours").GetDecimal()); // as issued
        Assert.Equal("张*", verified.GetProperty("maskedName").GetString());
        Assert.DoesNotContain(id, verified.GetRawText());
        await (await anyone.GetAsync($"/api/volunteers/public/certificates/{number}?code=AAAAAAAA")).JsonAsync(HttpStatusCode.NotFound);
        await (await anyone.GetAsync($"/api/volunteers/public/certificates/VC2026999999?code={code}")).JsonAsync(HttpStatusCode.NotFound);
        await (await anyone.GetAsync($"/api/volunteers/certificates/{number}")).JsonAsync(HttpStatusCode.Unauthorized);

        var html = await admin.GetStringAsync($"/api/volunteers/certificates/{number}/print");
        Assert.Contains("志愿服务记录证明", html);
        Assert.Contains(number, html);
        Assert.DoesNotContain(id, html);
        // The QR code points at the portal's verification page with the number and check code (decoded by the browser tests).
        Assert.Contains("<img id=\"verify-qr\" src=\"data:image/png;base64,", html);
        Assert.Contains($"/certificates/verify?number={number}&amp;code={code}", html);
    }

    [Fact]
    public async Task Anyone_reads_the_bureaus_figures_for_the_year_and_no_unit_unless_the_bureau_publishes_them()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync(headcount: 3);
        var staff = (await admin.RegisterAsync(unit)).Id();
        await admin.ApprovedHoursAsync(staff, 8m, "2026-03-02");

        using var anyone = fixture.Service.Anonymous();
        var figures = await (await anyone.GetAsync("/api/volunteers/public/targets")).JsonAsync(HttpStatusCode.OK);
        var report = await (await admin.GetAsync("/api/volunteers/reports/targets?year=2026")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2026, figures.GetProperty("year").GetInt32()); // the county's year by the service's clock
        Assert.Equal(1.0m, figures.GetProperty("registrationTarget").GetDecimal());
        Assert.Equal(48m, figures.GetProperty("hoursPerHeadTarget").GetDecimal());
        var bureau = figures.GetProperty("bureau");
        var books = report.GetProperty("bureau");
        foreach (var field in new[] { "headcount", "registeredStaff" })
            Assert.Equal(books.GetProperty(field).GetInt32(), bureau.GetProperty(field).GetInt32());
        foreach (var field in new[] { "registrationRate", "hoursPerHead" })
            Assert.Equal(books.GetProperty(field).GetDecimal(), bureau.GetProperty(field).GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, figures.GetProperty("units").ValueKind);
        Assert.DoesNotContain(unit, figures.GetRawText());
        await (await anyone.GetAsync("/api/volunteers/public/targets?year=1999")).JsonAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_targets_report_shows_each_units_rate_and_hours_per_head_behind_first()
    {
        using var admin = fixture.Service.Admin();
        var met = await admin.NewUnitAsync(headcount: 2);
        var behind = await admin.NewUnitAsync(headcount: 4);
        var m1 = (await admin.RegisterAsync(met)).Id();
        var m2 = (await admin.RegisterAsync(met)).Id();
        var family = (await admin.RegisterAsync(met, staff: false)).Id(); // family members count neither toward the rate nor per head
        var b1 = (await admin.RegisterAsync(behind)).Id();
        for (var day = 1; day <= 4; day++)
        {
            await admin.ApprovedHoursAsync(m1, 12m, $"2026-02-0{day}");
            await admin.ApprovedHoursAsync(m2, 12m, $"2026-02-0{day}");
        }
        await admin.ApprovedHoursAsync(family, 10m, "2026-02-01");
        await admin.ApprovedHoursAsync(m2, 10m, "2025-07-01"); // another year
        await admin.ApprovedHoursAsync(b1, 10m, "2026-02-05");

        var report = await (await admin.GetAsync("/api/volunteers/reports/targets?year=2026")).JsonAsync(HttpStatusCode.OK);
        var units = report.GetProperty("units").EnumerateArray().ToList();
        var metRow = units.Single(u => u.GetProperty("unitCode").GetString() == met);
        var behindRow = units.Single(u => u.GetProperty("unitCode").GetString() == behind);
        Assert.Equal((2, 2, 1.0m, 106m, 48m, "met"), Row(metRow));
        Assert.Equal((96m, 10m), (metRow.GetProperty("staffHours").GetDecimal(), metRow.GetProperty("otherHours").GetDecimal()));
        Assert.Equal((4, 1, 0.25m, 10m, 2.5m, "behind"), Row(behindRow));
        Assert.True(units.IndexOf(behindRow) < units.IndexOf(metRow), "units behind target come first");

        var csv = await admin.GetStringAsync("/api/volunteers/reports/targets?year=2026&format=csv");
        Assert.StartsWith("unit_code,unit_name,headcount", csv);
        Assert.Contains($"{met},\"Unit {met}\",2,2,1.0000,106.00,96.00,10.00,48.00,met", csv);

        using var clientOfBehind = fixture.Service.ClientFor("unit-b", behind, "volunteers.read");
        var own = await (await clientOfBehind.GetAsync("/api/volunteers/reports/targets?year=2026")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([behind], own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()));
    }

    private static (int, int, decimal, decimal, decimal, string?) Row(System.Text.Json.JsonElement row) => (
        row.GetProperty("headcount").GetInt32(), row.GetProperty("registeredStaff").GetInt32(),
        row.GetProperty("registrationRate").GetDecimal(),
        row.GetProperty("approvedHours").GetDecimal(), row.GetProperty("hoursPerHead").GetDecimal(), row.GetProperty("status").GetString());
}
