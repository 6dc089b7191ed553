using System.Net;
using System.Net.Http.Json;
using Civility.VillagePairing.Jobs;

namespace Civility.VillagePairing.Tests;

[Collection(PairingCollection.Name)]
public sealed class CreationTasksTests(PairingServiceFixture fixture)
{
    [Fact]
    public async Task A_task_not_done_by_its_deadline_becomes_overdue_and_a_done_one_does_not()
    {
        var a = PairingServiceFixture.NewCode("TA");
        var b = PairingServiceFixture.NewCode("TB");
        using var admin = fixture.Admin();
        var late = await CreateTaskAsync(admin, "Health-education corner in each paired village", [a, b]);
        var done = await CreateTaskAsync(admin, "Tobacco-free hospital self-inspection", [a]);

        using var unitA = fixture.Unit(a);
        using var evidenceLate = await unitA.PostAsJsonAsync($"/api/pairing/creation-tasks/{late}/evidence",
            new { evidence = "https://example.org/photos/corner" });
        Assert.Equal("in-progress", (await Http.ReadAsync(evidenceLate, HttpStatusCode.OK)).GetProperty("status").GetString());
        using var evidenceDone = await unitA.PostAsJsonAsync($"/api/pairing/creation-tasks/{done}/evidence",
            new { evidence = "report 2026-07" });
        Assert.Equal("done", (await Http.ReadAsync(evidenceDone, HttpStatusCode.OK)).GetProperty("status").GetString());

        // B sees the task it shares with A, with its own part only.
        using var unitB = fixture.Unit(b);
        using var seenByB = await unitB.GetAsync($"/api/pairing/creation-tasks/{late}");
        var parts = (await Http.ReadAsync(seenByB, HttpStatusCode.OK)).GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal([b], parts.Select(p => p.GetProperty("unitCode").GetString()));
        using var notB = await unitB.GetAsync($"/api/pairing/creation-tasks/{done}");
        Assert.Equal(HttpStatusCode.NotFound, notB.StatusCode);

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await fixture.RunJobAsync<CreationTaskOverdueJob>();

        using var overdue = await unitB.GetAsync("/api/pairing/creation-tasks/overdue");
        var listed = (await Http.ReadAsync(overdue, HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([late], listed);
        using var doneNow = await admin.GetAsync($"/api/pairing/creation-tasks/{done}");
        Assert.Equal("done", (await Http.ReadAsync(doneNow, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_task_needs_units_and_a_deadline_not_in_the_past()
    {
        using var admin = fixture.Admin();
        using var bad = await admin.PostAsJsonAsync("/api/pairing/creation-tasks",
            new { title = "t", basis = "", deadline = fixture.Today.AddDays(-1), unitCodes = Array.Empty<string>() });
        var errors = (await Http.ReadAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "basis", "deadline", "unitCodes" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    private async Task<Guid> CreateTaskAsync(HttpClient admin, string title, string[] units)
    {
        using var response = await admin.PostAsJsonAsync("/api/pairing/creation-tasks", new
        {
            title, basis = "County civilization office, 2026 creation plan, item 5", deadline = fixture.Today.AddDays(1), unitCodes = units,
        });
        var task = await Http.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("open", task.GetProperty("status").GetString());
        return task.GetProperty("id").GetGuid();
    }
}
