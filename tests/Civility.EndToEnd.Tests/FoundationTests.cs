using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Civility.EndToEnd.Tests;

[Collection(CivilityAppCollection.Name)]
public sealed class FoundationTests(CivilityAppFixture fixture)
{
    private static readonly Dictionary<string, string> Schemas = new()
    {
        ["volunteers"] = "volunteers",
        ["moral-models"] = "moral_models",
        ["credit"] = "credit",
        ["pairing"] = "pairing",
        ["webhooks"] = "webhooks",
    };

    [Fact]
    public async Task The_log_capture_sees_every_service_so_that_checks_of_log_lines_check_something()
    {
        // "No ID number in any log line" passes trivially over no lines: make sure each process's output arrives.
        foreach (var service in CivilityAppFixture.Services.Append("gateway").Append("identity"))
        {
            await Polling.UntilAsync(
                () => Task.FromResult(fixture.LogLines.FirstOrDefault(l => l.StartsWith($"{service}: ", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(30), $"log lines of {service}");
        }
    }

    [Fact]
    public async Task Every_resource_is_healthy()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var resource in CivilityAppFixture.Resources)
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        using var response = await fixture.Gateway.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("volunteers", "/api/volunteers/units", """{"code":"U-{0}","name":"Unit {0}"}""", "units")]
    [InlineData("moral-models", "/api/moral-models/rounds", """{"name":"Round {0}","year":2020,"publicityDays":7}""", "selection_rounds")]
    [InlineData("credit", "/api/credit/subjects/organizations", """{"creditCode":"{code}","name":"Org {0}"}""", "subjects")]
    [InlineData("pairing", "/api/pairing/places", """{"kind":"village","name":"Village {0}","township":"Town {0}"}""", "places")]
    // An event no other test raises, to a port nothing listens on: the stack's webhooks are for development, so may go there.
    [InlineData("webhooks", "/api/webhooks/subscriptions",
        """{"ownerClientId":"publicity-app","targetUrl":"http://127.0.0.1:9/hook-{0}","eventTypes":["ListingDeadlineRecounted"]}""",
        "subscriptions")]
    public async Task The_gateway_routes_to_each_service_which_writes_and_reads_its_own_schema(
        string service, string path, string bodyTemplate, string table)
    {
        var body = bodyTemplate.Replace("{0}", TestData.Token()).Replace("{code}", TestData.CreditCode());
        using var admin = await fixture.ClientAsync("civility-admin");
        using var created = await admin.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created,
            $"{service}: {created.StatusCode} {await created.Content.ReadAsStringAsync()}");

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var location = created.Headers.Location!.ToString();
        using var read = await admin.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(id, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        // The row is in the service's own schema, read back with the service's own role.
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync($"{service}-db"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Schemas[service]}.{table} WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id } },
        };
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_service_role_is_refused_on_every_other_schema()
    {
        foreach (var (service, ownSchema) in Schemas)
        {
            await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync($"{service}-db"));
            await connection.OpenAsync();
            foreach (var otherSchema in Schemas.Values.Where(s => s != ownSchema))
            {
                await using var read = new NpgsqlCommand($"SELECT count(*) FROM {otherSchema}.outbox_messages", connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => read.ExecuteScalarAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

                await using var create = new NpgsqlCommand($"CREATE TABLE {otherSchema}.intruder (id int)", connection);
                refused = await Assert.ThrowsAsync<PostgresException>(() => create.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
            await using var own = new NpgsqlCommand($"SELECT count(*) FROM {ownSchema}.outbox_messages", connection);
            Assert.IsType<long>(await own.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task A_ping_raised_by_one_service_is_consumed_by_the_others()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        using var raised = await admin.PostAsJsonAsync("/api/volunteers/diagnostics/pings", new { note = "foundation" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var pingId = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pingId").GetGuid();

        foreach (var area in new[] { "pairing", "credit", "moral-models" })
        {
            var received = await Polling.UntilAsync(async () =>
            {
                using var response = await admin.GetAsync($"/api/{area}/diagnostics/pings/{pingId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
            }, TimeSpan.FromSeconds(30), $"{area} consumes ping {pingId}");
            Assert.Equal("volunteers", JsonDocument.Parse(received).RootElement.GetProperty("fromService").GetString());
        }
    }

    [Fact]
    public async Task Pings_addressed_to_one_service_reach_it_alone_and_bad_requests_are_refused_field_by_field()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        using var raised = await admin.PostAsJsonAsync("/api/volunteers/diagnostics/pings",
            new { note = "to credit", to = "credit", count = 3 });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var body = (await raised.Content.ReadFromJsonAsync<JsonElement>())!;
        Assert.Equal("credit", body.GetProperty("to").GetString());
        var pingIds = body.GetProperty("pingIds").EnumerateArray().Select(id => id.GetGuid()).ToList();
        Assert.Equal(3, pingIds.Distinct().Count());

        foreach (var pingId in pingIds)
            await Polling.UntilAsync(async () =>
            {
                using var response = await admin.GetAsync($"/api/credit/diagnostics/pings/{pingId}");
                return response.IsSuccessStatusCode ? "received" : null;
            }, TimeSpan.FromSeconds(30), $"credit consumes ping {pingId}");
        await Task.Delay(1000); // a wrongly routed copy would have arrived by now too
        foreach (var area in new[] { "pairing", "moral-models" })
        {
            using var elsewhere = await admin.GetAsync($"/api/{area}/diagnostics/pings/{pingIds[0]}");
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using var refused = await admin.PostAsJsonAsync("/api/volunteers/diagnostics/pings", new { to = "No Such Service!", count = 1001 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("to", out _));
        Assert.True(errors.TryGetProperty("count", out _));
    }

    [Fact]
    public async Task An_unknown_path_is_not_routed()
    {
        using var response = await fixture.Gateway.GetAsync("/api/nowhere/things");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Records_the_law_keeps_cannot_be_deleted_even_by_their_own_service_role()
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync("volunteers-db"));
        await connection.OpenAsync();
        foreach (var table in new[] { "service_records", "volunteers", "certificates" })
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM volunteers.{table}", connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }
}
