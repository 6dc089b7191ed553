using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Civility.Contracts.VillagePairing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Civility.Volunteers.Tests;

[Collection(VolunteersCollection.Name)]
public sealed class HoursTests(VolunteersServiceFixture fixture)
{
    private string Database => fixture.Service.DatabaseConnectionString;

    [Fact]
    public async Task Records_are_approved_or_declined_once_and_only_approved_ones_can_be_voided_with_a_reason()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = (await admin.RegisterAsync(await admin.NewUnitAsync())).Id();
        var approved = await admin.ApprovedHoursAsync(volunteer, 3.5m);
        Assert.Equal("approved", approved.GetProperty("status").GetString());

        var pending = await (await admin.PostAsJsonAsync("/api/volunteers/service-records",
            new { volunteerId = volunteer, serviceDate = "2026-04-02", hours = 2, content = "Health talk" }))
            .JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/volunteers/service-records/{pending.Id()}/decline", new { reason = "" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var declined = await (await admin.PostAsJsonAsync($"/api/volunteers/service-records/{pending.Id()}/decline",
            new { reason = "Not on the sign-in sheet" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        var illegal = await (await admin.PostAsync($"/api/volunteers/service-records/{pending.Id()}/approve", null))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Empty(illegal.GetProperty("allowed").EnumerateArray());
        await (await admin.PostAsJsonAsync($"/api/volunteers/service-records/{pending.Id()}/void", new { reason = "x" }))
            .JsonAsync(HttpStatusCode.Conflict);

        var voided = await (await admin.PostAsJsonAsync($"/api/volunteers/service-records/{approved.Id()}/void",
            new { reason = "Entered for the wrong person" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("voided", voided.GetProperty("status").GetString());
        Assert.Equal("Entered for the wrong person", voided.GetProperty("voidReason").GetString());
        var person = await (await admin.GetAsync($"/api/volunteers/{volunteer}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0m, person.GetProperty("approvedHours").GetDecimal());
        Assert.Single(await Outbox.EventsAsync(Database, "ServiceRecordVoided"),
            e => e.GetProperty("serviceRecordId").GetGuid() == approved.Id());

        // Still there, whatever happened to them: the API has no way to delete a record.
        var records = await (await admin.GetAsync($"/api/volunteers/service-records?volunteerId={volunteer}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, records.GetProperty("total").GetInt32());
        using var delete = await admin.DeleteAsync($"/api/volunteers/service-records/{approved.Id()}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task Bulk_approval_approves_what_it_may_in_one_go_and_reports_each_record_it_may_not()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync(headcount: 2);
        var active = (await admin.RegisterAsync(unit)).Id();
        var leaving = (await admin.RegisterAsync(unit)).Id();
        async Task<Guid> PendingAsync(Guid volunteer, decimal hours) =>
            (await (await admin.PostAsJsonAsync("/api/volunteers/service-records",
                new { volunteerId = volunteer, serviceDate = "2026-05-02", hours, content = "Free clinic" }))
                .JsonAsync(HttpStatusCode.Created)).Id();
        var first = await PendingAsync(active, 3m);
        var second = await PendingAsync(active, 4.5m);
        var ofLeaver = await PendingAsync(leaving, 2m);
        var already = (await admin.ApprovedHoursAsync(active, 1m, "2026-05-01")).Id();
        await (await admin.PostAsJsonAsync($"/api/volunteers/{leaving}/deactivate", new { reason = "Left the unit" }))
            .JsonAsync(HttpStatusCode.OK);
        var unknown = Guid.NewGuid();

        var result = await (await admin.PostAsJsonAsync("/api/volunteers/service-records/approve",
            new { ids = new[] { first, second, ofLeaver, already, unknown } })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, result.GetProperty("approved").GetInt32());
        var failed = result.GetProperty("failed").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetGuid(), f => f.GetProperty("reason").GetString());
        Assert.Equal(new[] { ofLeaver, already, unknown }.Order(), failed.Keys.Order());
        Assert.Contains("inactive", failed[ofLeaver]);
        Assert.Equal("pending", (await (await admin.GetAsync($"/api/volunteers/service-records/{ofLeaver}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("status").GetString());
        var person = await (await admin.GetAsync($"/api/volunteers/{active}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(8.5m, person.GetProperty("approvedHours").GetDecimal());
        var approvedEvents = (await Outbox.EventsAsync(Database, "ServiceHoursApproved"))
            .Select(e => e.GetProperty("serviceRecordId").GetGuid()).ToHashSet();
        Assert.Contains(first, approvedEvents);
        Assert.Contains(second, approvedEvents);
        Assert.DoesNotContain(ofLeaver, approvedEvents);
        var report = await (await admin.GetAsync("/api/volunteers/reports/targets?year=2026")).JsonAsync(HttpStatusCode.OK);
        var row = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == unit);
        Assert.Equal(8.5m, row.GetProperty("approvedHours").GetDecimal());
    }

    [Fact]
    public async Task Crossing_a_star_level_is_announced_once()
    {
        using var admin = fixture.Service.Admin();
        var volunteer = (await admin.RegisterAsync(await admin.NewUnitAsync())).Id();
        for (var day = 10; day < 20; day++) await admin.ApprovedHoursAsync(volunteer, 10m, $"2026-01-{day}"); // 100 h: 1★
        var last = await admin.ApprovedHoursAsync(volunteer, 4m, "2026-01-20");
        await (await admin.PostAsJsonAsync($"/api/volunteers/service-records/{last.Id()}/void", new { reason = "duplicate" }))
            .JsonAsync(HttpStatusCode.OK);
        await admin.ApprovedHoursAsync(volunteer, 4m, "2026-01-21");

        var person = await (await admin.GetAsync($"/api/volunteers/{volunteer}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, person.GetProperty("stars").GetInt32());
        Assert.Equal(104m, person.GetProperty("approvedHours").GetDecimal());
        var reached = (await Outbox.EventsAsync(Database, "StarLevelReached"))
            .Where(e => e.GetProperty("volunteerId").GetGuid() == volunteer).ToList();
        var only = Assert.Single(reached);
        Assert.Equal(1, only.GetProperty("stars").GetInt32());
        Assert.Equal(12, (await Outbox.EventsAsync(Database, "ServiceHoursApproved"))
            .Count(e => e.GetProperty("volunteerId").GetGuid() == volunteer));
    }

    [Fact]
    public async Task A_pairing_activity_delivered_twice_records_the_participants_hours_once()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var first = (await admin.RegisterAsync(unit)).Id();
        var second = (await admin.RegisterAsync(unit)).Id();
        var completed = new PairingActivityCompleted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), unit, "free-clinic",
            new DateOnly(2026, 5, 20), [new(first, 3m), new(second, 2.5m), new(Guid.NewGuid(), 4m)], 60);
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        await bus.Publish(completed, context => context.MessageId = completed.EventId);
        await bus.Publish(completed, context => context.MessageId = completed.EventId);
        var replay = completed with { EventId = Guid.NewGuid() }; // the same activity announced again under a new id
        await bus.Publish(replay, context => context.MessageId = replay.EventId);

        await Polling.UntilAsync(async () =>
        {
            var person = await (await admin.GetAsync($"/api/volunteers/{second}")).JsonAsync(HttpStatusCode.OK);
            return person.GetProperty("approvedHours").GetDecimal() > 0 ? "recorded" : null;
        }, TimeSpan.FromSeconds(30), "the pairing hours arrive");
        await Task.Delay(1500); // give a duplicate the time to show up if it were going to
        var records = await (await admin.GetAsync($"/api/volunteers/service-records?unitCode={unit}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, records.GetProperty("total").GetInt32());
        var hours = records.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("volunteerId").GetGuid(), r.GetProperty("hours").GetDecimal(), r.GetProperty("status").GetString()))
            .ToList();
        Assert.Contains((first, 3m, "approved"), hours);
        Assert.Contains((second, 2.5m, "approved"), hours);
    }

    [Fact]
    public async Task A_bulk_hours_import_copies_the_good_rows_reports_the_bad_ones_and_skips_them_on_resend()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var number = (await admin.RegisterAsync(unit)).GetProperty("number").GetString();
        var file = new StringBuilder("volunteer_number,service_date,hours,content\n")
            .Append($"{number},2026-02-01,2.5,Epidemic prevention\n")
            .Append($"{number},2026-02-02,3,\"Health education, school\"\n")
            .Append("V0000NOBODY,2026-02-02,3,Ghost\n")
            .Append($"{number},2026-13-02,3,Bad date\n")
            .Append($"{number},2026-02-03,30,Too long\n")
            .Append($"{number},2099-02-03,1,Future\n")
            .Append($"{number},2026-02-01,2.50,Epidemic prevention\n") // the first row again, hours written otherwise
            .ToString();

        var first = await admin.ImportHoursAsync(file);
        Assert.Equal((7, 2, 4, 1), (first.GetProperty("rows").GetInt32(), first.GetProperty("imported").GetInt32(),
            first.GetProperty("rejected").GetInt32(), first.GetProperty("skipped").GetInt32()));
        var errors = first.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(4, "volunteer_number"), (5, "service_date"), (6, "hours"), (7, "service_date")], errors);

        var second = await admin.ImportHoursAsync(file);
        Assert.Equal((0, 3), (second.GetProperty("imported").GetInt32(), second.GetProperty("skipped").GetInt32()));
        var records = await (await admin.GetAsync($"/api/volunteers/service-records?unitCode={unit}&status=pending"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, records.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Imported_hours_and_dates_are_stored_as_written()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var number = (await admin.RegisterAsync(unit)).GetProperty("number").GetString();
        (string Date, decimal Hours)[] rows =
            [("2026-01-31", 0.25m), ("2026-02-28", 1m), ("2026-03-01", 7.5m), ("2026-04-15", 11.05m), ("2026-05-31", 12m)];
        var file = new StringBuilder("volunteer_number,service_date,hours,content\n");
        foreach (var (date, hours) in rows) file.Append(CultureInfo.InvariantCulture, $"{number},{date},{hours},Clinic shift\n");

        var report = await admin.ImportHoursAsync(file.ToString());
        Assert.Equal(5, report.GetProperty("imported").GetInt32());
        var records = await (await admin.GetAsync($"/api/volunteers/service-records?unitCode={unit}")).JsonAsync(HttpStatusCode.OK);
        var stored = records.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("serviceDate").GetString()!, r.GetProperty("hours").GetDecimal())).OrderBy(r => r.Item1).ToArray();
        Assert.Equal(rows, stored);
    }

    [Fact]
    public async Task The_same_hours_file_sent_several_times_at_once_is_imported_once()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var number = (await admin.RegisterAsync(unit)).GetProperty("number").GetString();
        var file = new StringBuilder("volunteer_number,service_date,hours,content\n");
        for (var day = 1; day <= 200; day++)
            file.Append($"{number},2026-03-{(day - 1) % 28 + 1:00},1,Community clinic shift {day}\n");

        var sends = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.ImportHoursAsync(file.ToString())));

        Assert.Equal(200, sends.Sum(r => r.GetProperty("imported").GetInt32()));
        Assert.All(sends, r => Assert.Equal(200, r.GetProperty("imported").GetInt32() + r.GetProperty("skipped").GetInt32()));
        var records = await (await admin.GetAsync($"/api/volunteers/service-records?unitCode={unit}&status=pending"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(200, records.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_hours_upload_cut_off_midway_leaves_no_rows_and_no_batch_and_the_next_import_works()
    {
        using var admin = fixture.Service.Admin();
        var unit = await admin.NewUnitAsync();
        var number = (await admin.RegisterAsync(unit)).GetProperty("number").GetString();
        var file = new StringBuilder("volunteer_number,service_date,hours,content\n");
        for (var i = 0; i < 20_000; i++)
            file.Append(CultureInfo.InvariantCulture, $"{number},2026-04-{i % 28 + 1:00},1,Night clinic shift {i}\n");
        var batchesBefore = await CountAsync("SELECT count(*) FROM volunteers.import_batches");

        // Most of a megabyte arrives (several pieces already copied to PostgreSQL), then the upload breaks.
        using var broken = new StreamContent(new BreaksAtEnd(Encoding.UTF8.GetBytes(file.ToString())));
        broken.Headers.ContentType = new("text/csv");
        await Assert.ThrowsAnyAsync<Exception>(() => admin.PostAsync(Api.HoursImportPath, broken));

        var report = await admin.ImportHoursAsync($"volunteer_number,service_date,hours,content\n{number},2026-05-02,2,Vaccination day\n");
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        var records = await (await admin.GetAsync($"/api/volunteers/service-records?unitCode={unit}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, records.GetProperty("total").GetInt32());
        Assert.Equal(batchesBefore + 1, await CountAsync("SELECT count(*) FROM volunteers.import_batches"));
        Assert.Equal(report.GetProperty("batchId").GetGuid(),
            await ScalarAsync<Guid>("SELECT id FROM volunteers.import_batches ORDER BY at DESC, id DESC LIMIT 1"));
    }

    /// <summary>An upload whose connection drops after its last byte, before the request ends.</summary>
    private sealed class BreaksAtEnd(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The connection dropped.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    private async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_service_role_cannot_delete_kept_records()
    {
        // The migration revokes DELETE from the role that owns the schema; here that role is a fresh owner of a copy.
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var grants = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.role_table_grants WHERE table_schema = 'volunteers' " +
            "AND table_name = 'service_records' AND privilege_type = 'DELETE' AND grantee = current_user",
            connection);
        Assert.Equal(0L, await grants.ExecuteScalarAsync());
    }
}
