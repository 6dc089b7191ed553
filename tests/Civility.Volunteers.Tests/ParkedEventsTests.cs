using System.Net;

namespace Civility.Volunteers.Tests;

/// <summary>The parked-events API every service has: an administrator sees what the relay set aside and puts it back in line.</summary>
[Collection(VolunteersCollection.Name)]
public sealed class ParkedEventsTests(VolunteersServiceFixture fixture)
{
    private const string Parked = "/api/volunteers/outbox/parked";

    [Fact]
    public async Task A_parked_event_is_listed_for_an_administrator_and_once_mended_and_requeued_it_is_published()
    {
        var database = fixture.Service.DatabaseConnectionString;
        var id = Guid.NewGuid();
        // One failed attempt short of parking: the relay's next try parks it.
        await Hours.ExecuteAsync(database,
            "INSERT INTO volunteers.outbox_messages (id, message_type, body, created_at, attempts) " +
            "VALUES ($1, 'Civility.Removed.GoneEvent, Civility.Removed', '{}', now(), 9)",
            id);
        using var admin = fixture.Service.Admin();
        var listed = await Polling.UntilAsync(async () =>
        {
            var page = await (await admin.GetAsync($"{Parked}?pageSize=200")).JsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("id").GetGuid() == id)
                .Select(e => (object)e).FirstOrDefault();
        }, TimeSpan.FromSeconds(30), "the unreadable event is parked") is System.Text.Json.JsonElement found ? found : default;
        Assert.Equal(10, listed.GetProperty("attempts").GetInt32());
        Assert.Contains("Civility.Removed", listed.GetProperty("lastError").GetString());
        using var unit = fixture.Service.ClientFor("unit-client", "SOME-UNIT", "volunteers.read", "volunteers.write");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync(Parked)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync($"{Parked}/{id}/requeue", null)).StatusCode);

        // The cause mended (here: the event rewritten as a type the service knows), the event is put back in line.
        await Hours.ExecuteAsync(database,
            "UPDATE volunteers.outbox_messages " +
            "SET message_type = 'Civility.Contracts.Volunteers.VolunteerReactivated, Civility.Contracts', " +
            "body = jsonb_build_object('eventId', id, 'volunteerId', gen_random_uuid(), 'unitCode', 'SOME-UNIT', 'reason', 'Mended', " +
            "'occurredAt', now(), 'version', 1) WHERE id = $1", id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{Parked}/{id}/requeue", null)).StatusCode);
        await Polling.UntilAsync(async () => await Hours.ScalarAsync<bool>(database,
            "SELECT published_at IS NOT NULL FROM volunteers.outbox_messages WHERE id = $1", id) ? "published" : null,
            TimeSpan.FromSeconds(30), "the requeued event is published");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Parked}/{id}/requeue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Parked}/{Guid.NewGuid()}/requeue", null)).StatusCode);
    }
}
