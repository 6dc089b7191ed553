using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Civility.Volunteers.Tests;

/// <summary>
/// The shared input rule on a real service: control characters, lone surrogates, null list elements and pages past
/// the end are a 400 naming the field, before anything reaches PostgreSQL; CSV cells meet the same rule.
/// </summary>
[Collection(VolunteersCollection.Name)]
public sealed class HostileInputTests(VolunteersServiceFixture fixture)
{
    [Theory]
    [InlineData("/api/volunteers?unitCode=%00", "unitCode")]
    [InlineData("/api/volunteers?name=a%00b", "name")]
    [InlineData("/api/volunteers/service-records?unitCode=%1B", "unitCode")]
    [InlineData("/api/volunteers/audit?entityId=%00", "entityId")]
    [InlineData("/api/volunteers?page=2147483647", "page")]
    public async Task A_hostile_query_or_route_value_is_a_400_naming_it(string url, string field)
    {
        using var admin = fixture.Service.Admin();
        var problem = await (await admin.GetAsync(url)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("\"name\":\"a\\u0000b\"", "name")]
    [InlineData("\"name\":\"\\ud800\"", "name")]
    [InlineData("\"name\":\"bell\\u0007\"", "name")]
    [InlineData("\"skills\":[\"medical\",null]", "skills")]
    [InlineData("\"isStaffOfUnit\":\"maybe\"", "isStaffOfUnit")]
    public async Task A_hostile_body_field_is_a_400_naming_it_and_nothing_is_stored(string field, string name)
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var fields = new Dictionary<string, string>
        {
            ["name"] = "\"张三\"", ["idNumber"] = $"\"{TestIdentities.CitizenId()}\"", ["unitCode"] = $"\"{unit}\"",
            ["isStaffOfUnit"] = "true", ["skills"] = "[\"medical\"]",
        };
        fields[name] = field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var body = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        var response = await admin.PostAsync("/api/volunteers", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(name, out _), problem.ToString());
        var listed = await (await admin.GetAsync($"/api/volunteers?unitCode={unit}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Line_breaks_and_tabs_stay_allowed_in_text()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var response = await admin.PostAsJsonAsync("/api/volunteers/projects",
            new { name = "Home visits\tweekly", category = "elderly-care", organizingUnitCode = unit, campaign = "Line one\nline two" });
        var project = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Home visits\tweekly", project.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_csv_cell_with_a_control_character_is_a_refused_line_the_rest_of_the_file_goes_in()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = await admin.RegisterAsync(await admin.NewUnitAsync());
        var number = volunteer.GetProperty("number").GetString();
        var day = fixture.CountyToday().AddDays(-2).Iso();
        var file = $"volunteer_number,service_date,hours,content\n{number},{day},2,Clinic\u0000\n{number},{day},2,Clinic\n";

        var report = await admin.ImportHoursAsync(file);

        Assert.Equal((1, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "content"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));

        var registrations = $"name,id_number,phone,unit_code,is_staff,skills\n" +
            $"Bell\u0007,{TestIdentities.CitizenId()},,{volunteer.GetProperty("unitCode").GetString()},true,\n";
        var imported = await (await admin.PostAsync("/api/volunteers/import", new StringContent(registrations, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, imported.GetProperty("rejected").GetInt32());
        Assert.Equal("name", imported.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unclosed_quote_or_an_endless_line_is_a_400_naming_the_line_and_imports_nothing()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = await admin.RegisterAsync(await admin.NewUnitAsync());
        var number = volunteer.GetProperty("number").GetString();
        var day = fixture.CountyToday().AddDays(-2).Iso();
        var good = $"{number},{day},1,Clinic\n";
        foreach (var bad in new[] { $"{number},{day},1,\"never closed {new string('x', 200_000)}\n",
            $"{number},{day},1,{new string('y', 200_000)}\n" })
        {
            var file = "volunteer_number,service_date,hours,content\n" + good + bad
                + good.Replace("Clinic", "Talk", StringComparison.Ordinal);
            var response = await admin.PostAsync("/api/volunteers/service-records/import",
                new StringContent(file, Encoding.UTF8, "text/csv"));
            var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("64 KiB", problem.GetProperty("detail").GetString());
            Assert.Empty(await admin.RecordsOfAsync(volunteer.Id()));
        }
        var registrations = $"name,id_number,unit_code\n\"Unclosed,{new string('z', 200_000)}\n";
        await (await admin.PostAsync("/api/volunteers/import", new StringContent(registrations, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.BadRequest);
    }
}
