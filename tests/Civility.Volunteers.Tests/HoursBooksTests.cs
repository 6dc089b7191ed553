using System.Net;
using System.Net.Http.Json;
using RabbitMQ.Client;

namespace Civility.Volunteers.Tests;

/// <summary>Totals that cannot lose an addition, decisions that cannot both win, and a report of what looks wrong.</summary>
[Collection(VolunteersCollection.Name)]
public sealed class HoursBooksTests(VolunteersServiceFixture fixture)
{
    private string Database => fixture.Service.DatabaseConnectionString;

    [Fact]
    public async Task Two_hundred_approvals_and_four_hundred_pairing_hours_for_one_unit_at_once_all_arrive_and_add_up_exactly()
    {
        using var admin = fixture.Service.Admin();
        var today = fixture.CountyToday();
        var year = today.Year;
        var unit = await admin.NewUnitAsync(headcount: 20, year: year);
        var volunteers = new List<Guid>();
        for (var i = 0; i < 20; i++) volunteers.Add((await admin.RegisterAsync(unit)).Id());
        // 200 pending records: ten days of one hour for each volunteer, within the year so far.
        var firstDay = new DateOnly(year, 1, 1);
        var pending = new List<Guid>();
        foreach (var volunteer in volunteers)
            for (var day = 0; day < 10; day++)
                pending.Add(await admin.PendingAsync(volunteer, 1m, firstDay.AddDays(day)));

        using var gate = new SemaphoreSlim(16);
        var clients = Enumerable.Range(0, 16).Select(_ => fixture.Service.Admin()).ToArray();
        var approvals = pending.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try
            {
                return (await clients[i % clients.Length].PostAsync($"{Hours.Records}/{id}/approve", null)).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        // 20 pairing activities of the unit, each crediting every volunteer one hour, on days of their own.
        var activities = Enumerable.Range(0, 20).Select(a =>
            fixture.PairingActivityAsync(unit, firstDay.AddDays(10 + a), [.. volunteers.Select(v => (v, 1m))])).ToList();
        await Task.WhenAll(activities);
        Assert.All(await Task.WhenAll(approvals), status => Assert.Equal(HttpStatusCode.OK, status));

        const string approvedRecords = "SELECT count(*) FROM volunteers.service_records WHERE unit_code = $1 AND status = 'Approved'";
        await LocalServers.WaitUntilAsync(async () => await Hours.ScalarAsync<long>(Database, approvedRecords, unit) == 600,
            TimeSpan.FromSeconds(60), "600 approved records");
        Assert.Equal(0u, await ErrorMessagesAsync("volunteers-pairing-activity-completed_error"));

        var sum = await Hours.ScalarAsync<decimal>(Database,
            "SELECT sum(hours) FROM volunteers.service_records WHERE unit_code = $1 AND status = 'Approved'", unit);
        Assert.Equal(600m, sum);
        var row = await admin.TargetsAsync(unit, year);
        Assert.Equal((600m, 0m, 30m), (row.GetProperty("staffHours").GetDecimal(), row.GetProperty("otherHours").GetDecimal(),
            row.GetProperty("hoursPerHead").GetDecimal()));
        Assert.Equal(600m, (await Hours.LatestSnapshotAsync(Database, unit, year))!.Value.GetProperty("staffHours").GetDecimal());
        foreach (var volunteer in volunteers)
            Assert.Equal(30m, (await (await admin.GetAsync($"/api/volunteers/{volunteer}")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("approvedHours").GetDecimal());
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task Of_an_approval_and_a_decline_sent_together_exactly_one_wins_fifty_times_over()
    {
        using var admin = fixture.Service.Admin();
        using var other = fixture.Service.Admin();
        var year = fixture.CountyToday().Year;
        var unit = await admin.NewUnitAsync();
        var volunteer = (await admin.RegisterAsync(unit)).Id();
        var first = new DateOnly(year, 1, 1);
        var outcomes = new List<(Guid Id, HttpStatusCode Approve, HttpStatusCode Decline)>();
        for (var i = 0; i < 50; i++)
        {
            var id = await admin.PendingAsync(volunteer, 1.5m, first.AddDays(i));
            var approve = admin.PostAsync($"{Hours.Records}/{id}/approve", null);
            var decline = other.PostAsJsonAsync($"{Hours.Records}/{id}/decline", new { reason = "Not confirmed" });
            outcomes.Add((id, (await approve).StatusCode, (await decline).StatusCode));
        }

        Assert.All(outcomes, o => Assert.True(
            (o.Approve, o.Decline) is (HttpStatusCode.OK, HttpStatusCode.Conflict) or (HttpStatusCode.Conflict, HttpStatusCode.OK),
            $"{o}"));
        var approvedIds = outcomes.Where(o => o.Approve == HttpStatusCode.OK).Select(o => o.Id).ToHashSet();
        var records = await admin.RecordsOfAsync(volunteer);
        Assert.All(records, r => Assert.Equal(approvedIds.Contains(r.Id()) ? "approved" : "declined", r.GetProperty("status").GetString()));
        var approvedHours = approvedIds.Count * 1.5m;
        Assert.Equal(approvedHours, (await admin.TargetsAsync(unit, year)).GetProperty("staffHours").GetDecimal());
        Assert.Equal(approvedHours, (await (await admin.GetAsync($"/api/volunteers/{volunteer}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("approvedHours").GetDecimal());
        var announced = (await Outbox.EventsAsync(Database, "ServiceHoursApproved"))
            .Where(e => e.GetProperty("volunteerId").GetGuid() == volunteer)
            .Select(e => e.GetProperty("serviceRecordId").GetGuid()).ToList();
        Assert.Equal(approvedIds.Order(), announced.Order());
    }

    [Fact]
    public async Task The_anomaly_report_finds_each_kind_on_data_made_for_it_and_nothing_on_clean_data_and_a_rebuild_corrects_the_totals()
    {
        using var admin = fixture.Service.Admin();
        var today = fixture.CountyToday();
        var year = today.Year;
        var day = new DateOnly(year, 1, 2);
        var unit = await admin.NewUnitAsync();
        var clean = await admin.NewUnitAsync();
        var source = await admin.NewUnitAsync();
        var heavy = (await admin.RegisterAsync(unit)).Id();
        var other = (await admin.RegisterAsync(unit)).Id();
        var tidy = (await admin.RegisterAsync(clean)).Id();

        // Records from before the rules: fourteen hours on one day, and two records of the same hour.
        const string insert = """
            INSERT INTO volunteers.service_records (id, volunteer_id, unit_code, origin_unit_code, source, service_date, hours, content,
                recorded_by, recorded_at, status, started_at, ended_at, approved_in_bulk)
            VALUES (gen_random_uuid(), $1, $2, $2, 'Manual', $3, $4, 'Legacy entry', 'legacy', now(), 'Pending', $5, $6, false)
            """;
        await Hours.ExecuteAsync(Database, insert, heavy, unit, day, 8m, DBNull.Value, DBNull.Value);
        await Hours.ExecuteAsync(Database, insert, heavy, unit, day, 6m, DBNull.Value, DBNull.Value);
        var nine = new DateTimeOffset(year, 1, 3, 1, 0, 0, TimeSpan.Zero);
        await Hours.ExecuteAsync(Database, insert, other, unit, day.AddDays(1), 2m, nine, nine.AddHours(2));
        await Hours.ExecuteAsync(Database, insert, other, unit, day.AddDays(1), 2m, nine.AddHours(1), nine.AddHours(3));
        // Another unit's pairing hours waiting since five weeks.
        await fixture.PairingActivityAsync(source, day.AddDays(2), (other, 3m));
        var waiting = (await admin.AwaitRecordsAsync(other, 3)).Single(r => r.GetProperty("source").GetString() == "pairing-activity").Id();
        await Hours.ExecuteAsync(Database,
            "UPDATE volunteers.service_records SET recorded_at = recorded_at - interval '35 days' WHERE id = $1", waiting);
        // A unit client that records hours and approves them itself, in bulk.
        using var client = fixture.Service.ClientFor("self-approver", unit, "volunteers.read", "volunteers.write");
        var own = await client.PendingAsync(heavy, 1m, day.AddDays(5));
        await (await client.PostAsJsonAsync($"{Hours.Records}/approve", new { ids = new[] { own } })).JsonAsync(HttpStatusCode.OK);
        // Totals that drifted from the records.
        await Hours.ExecuteAsync(Database,
            "UPDATE volunteers.unit_year_hours SET staff_hours = staff_hours + 5 WHERE unit_code = $1 AND year = $2", unit, year);
        // The clean unit: recorded by its client, approved one by one by an admin.
        using var tidyClient = fixture.Service.ClientFor("tidy-unit", clean, "volunteers.read", "volunteers.write");
        await (await admin.PostAsync($"{Hours.Records}/{await tidyClient.PendingAsync(tidy, 4m, day)}/approve", null))
            .JsonAsync(HttpStatusCode.OK);

        var report = await (await admin.GetAsync($"/api/volunteers/reports/anomalies?year={year}")).JsonAsync(HttpStatusCode.OK);
        var found = report.GetProperty("anomalies").EnumerateArray().ToList();
        string[] Kinds(string unitCode) => [.. found.Where(a => a.GetProperty("unitCode").GetString() == unitCode)
            .Select(a => a.GetProperty("kind").GetString()!).Distinct().Order()];
        Assert.Equal(["over-daily-limit", "overlapping-records", "pending-from-another-unit", "self-approved-in-bulk", "totals-differ"],
            Kinds(unit));
        Assert.Empty(Kinds(clean));
        Assert.Empty(Kinds(source));
        var overLimit = found.Single(a => a.GetProperty("kind").GetString() == "over-daily-limit"
            && a.GetProperty("unitCode").GetString() == unit);
        Assert.Equal((heavy, 14m), (overLimit.GetProperty("volunteerId").GetGuid(), overLimit.GetProperty("hours").GetDecimal()));
        var csv = await admin.GetStringAsync($"/api/volunteers/reports/anomalies?year={year}&format=csv");
        Assert.StartsWith("kind,unit_code,volunteer_id,service_date,hours,records,detail,record_ids\n", csv);
        Assert.Contains($"totals-differ,{unit},", csv);
        using var unitClient = fixture.Service.ClientFor("unit-reader", unit, "volunteers.read");
        await (await unitClient.GetAsync($"/api/volunteers/reports/anomalies?year={year}")).JsonAsync(HttpStatusCode.Forbidden);

        var rebuilt = await (await admin.PostAsync($"/api/volunteers/reports/targets/rebuild?year={year}", null))
            .JsonAsync(HttpStatusCode.OK);
        var corrected = Assert.Single(rebuilt.GetProperty("corrected").EnumerateArray());
        Assert.Equal((unit, 1m), (corrected.GetProperty("unitCode").GetString(), corrected.GetProperty("staffHours").GetDecimal()));
        Assert.Equal(6m, corrected.GetProperty("keptStaffHours").GetDecimal());
        Assert.Equal(1m, (await admin.TargetsAsync(unit, year)).GetProperty("staffHours").GetDecimal());
        Assert.Equal(1m, (await Hours.LatestSnapshotAsync(Database, unit, year))!.Value.GetProperty("staffHours").GetDecimal());
        var again = await (await admin.PostAsync($"/api/volunteers/reports/targets/rebuild?year={year}", null))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Empty(again.GetProperty("corrected").EnumerateArray());
    }

    private async Task<uint> ErrorMessagesAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(fixture.Servers.BrokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // no such queue: nothing ever failed there
        }
    }
}
