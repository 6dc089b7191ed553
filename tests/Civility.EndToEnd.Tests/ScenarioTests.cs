using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civility.Domain.Time;
using Npgsql;

namespace Civility.EndToEnd.Tests;

/// <summary>
/// A county year, end to end, through the gateway's HTTP API with the development clients' tokens only. Every
/// cross-service step is awaited by polling with a deadline.
/// </summary>
[Collection(CivilityAppCollection.Name)]
public sealed class ScenarioTests(CivilityAppFixture fixture) : CountyYearScenario(fixture);

/// <summary>The scenario on any stack, at the stack's date (see <see cref="StackAtEndOf2027"/> for the other dates).</summary>
public abstract class CountyYearScenario(CivilityAppFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private readonly List<string> _responses = [];
    private readonly List<string> _idNumbers = [];

    [Fact]
    public async Task A_county_year_runs_across_the_four_services()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        using var unitA = await fixture.ClientAsync("unit-a");
        using var unitB = await fixture.ClientAsync("unit-b");
        var year = fixture.Clock.CountyYear();
        var today = fixture.Clock.CountyToday();

        // 1. Two units with headcounts; each unit registers its own staff: A all of them, B one of three.
        // Unit A is the county hospital: its unified social credit code is how the credit list will name it.
        var creditCode = TestData.CreditCode();
        foreach (var (code, headcount) in new[] { ("UNIT-A", 2), ("UNIT-B", 3) })
        {
            var unitId = await EnsureUnitAsync(admin, code);
            await Expect(await admin.PutAsJsonAsync($"/api/volunteers/units/{unitId}/headcounts/{year}", new { headcount }),
                HttpStatusCode.OK);
            if (code == "UNIT-A")
                await Expect(await admin.PutAsJsonAsync($"/api/volunteers/units/{unitId}",
                    new { name = "County People's Hospital", creditCode }), HttpStatusCode.OK);
        }
        var staffA = new List<Guid>();
        for (var i = 0; i < 2; i++) staffA.Add((await RegisterAsync(unitA)).GetProperty("id").GetGuid());
        var staffB = (await RegisterAsync(unitB)).GetProperty("id").GetGuid();
        var helpers = new List<Guid>();
        for (var i = 0; i < 3; i++) helpers.Add((await RegisterAsync(unitA, staff: false)).GetProperty("id").GetGuid());

        // 2. Unit A holds a civilized-unit title, paired with a village and a community; it pledges and delivers.
        var title = await Expect(await admin.PostAsJsonAsync("/api/pairing/civilized-units", new
        {
            unitCode = "UNIT-A", name = "County People's Hospital", creditCode, level = "county", termStart = today.AddYears(-1),
        }), HttpStatusCode.Created);
        var titleId = title.GetProperty("id").GetGuid();
        Guid pairingId = default;
        foreach (var kind in new[] { "village", "community" })
        {
            var place = await Expect(await admin.PostAsJsonAsync("/api/pairing/places",
                new { kind, name = $"{kind} {TestData.Token()}", township = "Baiyun" }), HttpStatusCode.Created);
            var pairing = await Expect(await unitA.PostAsJsonAsync("/api/pairing/pairings", new
            {
                civilizedUnitId = titleId, placeId = place.GetProperty("id").GetGuid(), from = today.AddMonths(-6),
                until = today.AddYears(2), goals = "Health education and free clinics",
            }), HttpStatusCode.Created);
            if (kind == "village") pairingId = pairing.GetProperty("id").GetGuid();
        }
        var pledge = await Expect(await unitA.PostAsJsonAsync($"/api/pairing/pairings/{pairingId}/pledges",
            new { kind = "money", item = "Medical supplies fund", quantity = 20000m, dueDate = today.AddMonths(3) }),
            HttpStatusCode.Created);
        await Expect(await unitA.PostAsJsonAsync(
            $"/api/pairing/pairings/{pairingId}/pledges/{pledge.GetProperty("id").GetGuid()}/deliveries",
            new { quantity = 5000m, date = today, evidence = "Receipt 2026-001" }), HttpStatusCode.Created);
        var ledger = await Expect(await unitA.GetAsync($"/api/pairing/pairings/{pairingId}/ledger"), HttpStatusCode.OK);
        Assert.Contains("5000", ledger.GetRawText());

        // 3. A free clinic with five volunteers: their hours reach the volunteer service with no further call, and
        //    the volunteer who had 90 approved hours crosses 100 h (1 star).
        var nearStar = staffA[0];
        // Ten days of nine hours: within a day's limit of the volunteer service.
        const decimal hoursADay = 9m;
        var serviceDates = Enumerable.Range(0, 10).Select(i => today.AddDays(-10 - i)).ToList();
        var clinicDate = today.AddDays(-1);
        foreach (var serviceDate in serviceDates)
        {
            var record = await Expect(await unitA.PostAsJsonAsync("/api/volunteers/service-records",
                new { volunteerId = nearStar, serviceDate, hours = hoursADay, content = "Epidemic prevention" }), HttpStatusCode.Created);
            await Expect(await unitA.PostAsync($"/api/volunteers/service-records/{record.GetProperty("id").GetGuid()}/approve", null),
                HttpStatusCode.OK);
        }
        var participants = new[] { nearStar, staffA[1], helpers[0], helpers[1], helpers[2] };
        var clinic = await Expect(await unitA.PostAsJsonAsync("/api/pairing/activities", new
        {
            pairingId, category = "free-clinic", date = clinicDate, location = "Village clinic",
            volunteers = participants.Select(id => new { volunteerId = id, hours = 12m }),
            peopleServed = new[] { new { group = "elderly", count = 40 } },
        }), HttpStatusCode.Created);
        await Expect(await unitA.PostAsync($"/api/pairing/activities/{clinic.GetProperty("id").GetGuid()}/complete", null),
            HttpStatusCode.OK);
        var starred = await Until(async () =>
        {
            var volunteer = await Expect(await unitA.GetAsync($"/api/volunteers/{nearStar}"), HttpStatusCode.OK);
            return volunteer.GetProperty("approvedHours").GetDecimal() >= 102m ? volunteer : (JsonElement?)null;
        }, "the clinic's hours reach the volunteer service");
        Assert.Equal(1, starred.GetProperty("stars").GetInt32());
        foreach (var participant in participants)
        {
            var records = await Expect(await unitA.GetAsync($"/api/volunteers/service-records?volunteerId={participant}&status=approved"),
                HttpStatusCode.OK);
            Assert.Contains(records.GetProperty("items").EnumerateArray(), r => r.GetProperty("source").GetString() == "pairing-activity"
                && r.GetProperty("hours").GetDecimal() == 12m);
        }

        // 4. The targets report: A met (2 of 2 staff registered; 114 h by its staff for 2 heads, the helpers' hours
        //    apart), B behind (1 of 3, no hours).
        var report = await Expect(await admin.GetAsync($"/api/volunteers/reports/targets?year={year}"), HttpStatusCode.OK);
        var rows = report.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        // The report counts the hours dated in its year: in the first days of a year, some of the story's are the last year's.
        var hoursPerHeadA = (serviceDates.Count(d => d.Year == year) * hoursADay + (clinicDate.Year == year ? 2 * 12m : 0m)) / 2;
        Assert.Equal(hoursPerHeadA >= 48m ? "met" : "behind", rows["UNIT-A"].GetProperty("status").GetString());
        Assert.Equal(1.0m, rows["UNIT-A"].GetProperty("registrationRate").GetDecimal());
        Assert.Equal(hoursPerHeadA, rows["UNIT-A"].GetProperty("hoursPerHead").GetDecimal());
        Assert.Equal(clinicDate.Year == year ? 3 * 12m : 0m, rows["UNIT-A"].GetProperty("otherHours").GetDecimal());
        Assert.Equal("behind", rows["UNIT-B"].GetProperty("status").GetString());
        Assert.Equal(0.3333m, rows["UNIT-B"].GetProperty("registrationRate").GetDecimal());

        // 5. A good-person nomination goes through review, publicity and public voting; the nominee is black-listed →
        //    suspended; the listing is repaired → an admin resumes it → selected and commended → the credit service
        //    proposes a red-list entry for the model. (The fixture lets a publicity window close as it opens.)
        var nomineeId = TestIdentities.CitizenId();
        _idNumbers.Add(nomineeId);
        var round = await Expect(await admin.PostAsJsonAsync("/api/moral-models/rounds", new
        {
            name = $"{year} good people {TestData.Token()}", year, publicityDays = 0, categories = new[] { "good-person" },
            votingOpensAt = fixture.Clock.GetUtcNow().AddMinutes(-1), votingClosesAt = fixture.Clock.GetUtcNow().AddHours(1),
        }), HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        var nomination = await Expect(await unitA.PostAsJsonAsync("/api/moral-models/nominations", new
        {
            roundId, category = "good-person", goodPersonKind = "helping-others", nomineeKind = "person",
            nomineeName = "王芳", idNumber = nomineeId, unitCode = "UNIT-A", deeds = "Cared for an empty-nest neighbour for ten years.",
        }), HttpStatusCode.Created);
        var nominationId = nomination.GetProperty("id").GetGuid();
        await Expect(await admin.PostAsJsonAsync($"/api/moral-models/rounds/{roundId}/reviewers", new { clientId = "civility-admin" }),
            HttpStatusCode.Created);
        await Expect(await admin.PostAsJsonAsync($"/api/moral-models/nominations/{nominationId}/review", new { reason = "Complete file" }),
            HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync($"/api/moral-models/nominations/{nominationId}/scores", new
        {
            scores = new[] { new { criterion = "deeds", score = 9 }, new { criterion = "influence", score = 8 },
                new { criterion = "exemplarity", score = 8 } },
        }), HttpStatusCode.Created);
        await Expect(await admin.PostAsJsonAsync($"/api/moral-models/nominations/{nominationId}/publicize", new { reason = "Reviewed" }),
            HttpStatusCode.OK);
        // Each voter asks for a code by text message (the service's HTTP sender delivers it to the run's inbox), then votes.
        for (var i = 0; i < 3; i++)
        {
            var voter = TestIdentities.CitizenId();
            _idNumbers.Add(voter);
            var phone = $"139{Random.Shared.Next(0, 10_000):D4}{i:D4}";
            var sent = await Expect(await fixture.Gateway.PostAsJsonAsync($"/api/moral-models/public/nominations/{nominationId}/vote-codes",
                new { phone }), HttpStatusCode.Accepted);
            Assert.Equal($"{phone[..3]}****{phone[^4..]}", sent.GetProperty("phone").GetString());
            var code = fixture.Sms.CodeFor(phone);
            await Expect(await fixture.Gateway.PostAsJsonAsync($"/api/moral-models/public/nominations/{nominationId}/votes",
                new { voterName = "李明", idNumber = voter, phone, code }), HttpStatusCode.Created);
            if (i == 0)
                // The code is spent: the same phone cannot vote again with it.
                await Expect(await fixture.Gateway.PostAsJsonAsync($"/api/moral-models/public/nominations/{nominationId}/votes",
                    new { voterName = "李明", idNumber = TestIdentities.CitizenId(), phone, code }), HttpStatusCode.UnprocessableEntity);
        }
        var tally = await Expect(await admin.GetAsync($"/api/moral-models/nominations/{nominationId}/tally"), HttpStatusCode.OK);
        Assert.Equal(3, tally.GetProperty("votes").GetInt64());

        var person = await Expect(await admin.PostAsJsonAsync("/api/credit/subjects/people",
            new { idNumber = nomineeId, name = "王芳" }), HttpStatusCode.Created);
        var personId = person.GetProperty("id").GetGuid();
        var listing = await BlackListAsync(admin, personId, tier: "minor");
        await Until(async () =>
        {
            var current = await Expect(await admin.GetAsync($"/api/moral-models/nominations/{nominationId}"), HttpStatusCode.OK);
            return current.GetProperty("status").GetString() == "suspended" ? current : (JsonElement?)null;
        }, "the black-listing suspends the nomination");
        await Expect(await admin.PostAsJsonAsync($"/api/moral-models/nominations/{nominationId}/resume",
            new { reason = "Listing still active" }), HttpStatusCode.UnprocessableEntity);

        // Credit repair (信用修复): applied for, followed anonymously by its query code, approved.
        var repair = await Expect(await admin.PostAsJsonAsync($"/api/credit/entries/{listing}/repairs", new
        {
            applicant = "王芳", proofOfCorrection = "Inspection accepted and the findings corrected.",
            commitment = "I commit to keep my word and accept supervision.", commitmentSigned = true,
        }), HttpStatusCode.Created);
        var progress = await Expect(
            await fixture.Gateway.GetAsync($"/api/credit/repairs/progress/{repair.GetProperty("queryCode").GetString()}"),
            HttpStatusCode.OK);
        Assert.Equal("submitted", progress.GetProperty("status").GetString());
        await Expect(await admin.PostAsJsonAsync($"/api/credit/repairs/{repair.GetProperty("id").GetGuid()}/decision",
            new { approve = true, reply = "Corrected; the listing is lifted." }), HttpStatusCode.OK);
        await Until(async () =>
        {
            var resumed = await admin.PostAsJsonAsync($"/api/moral-models/nominations/{nominationId}/resume",
                new { reason = "Credit repaired" });
            return resumed.StatusCode == HttpStatusCode.OK ? await resumed.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, "the repaired listing lets an admin resume the nomination");
        await Expect(await admin.PostAsJsonAsync($"/api/moral-models/nominations/{nominationId}/select",
            new { reason = "Publicity closed without objection" }), HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync("/api/moral-models/commendations", new
        {
            kind = "meeting", title = $"{year} good people commendation", heldOn = today, place = "County hall",
            nominationIds = new[] { nominationId },
        }), HttpStatusCode.Created);
        var proposal = await Until(async () =>
        {
            var red = await Expect(await admin.GetAsync($"/api/credit/entries?subjectId={personId}&listType=red"), HttpStatusCode.OK);
            return red.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } entry
                ? entry : (JsonElement?)null;
        }, "the commendation leads the credit service to propose a red-list entry");
        Assert.Equal("proposed", proposal.GetProperty("status").GetString());

        // 6. The civilized unit is black-listed: its title is put under warning at once, and its people's nominations stop.
        var colleagueId = TestIdentities.CitizenId();
        _idNumbers.Add(colleagueId);
        var colleagueNomination = (await Expect(await unitA.PostAsJsonAsync("/api/moral-models/nominations", new
        {
            roundId, category = "good-person", goodPersonKind = "dedication-to-work", nomineeKind = "person", nomineeName = "张伟",
            idNumber = colleagueId, unitCode = "UNIT-A", deeds = "Thirty years of night shifts in the emergency room.",
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var organization = await Expect(await admin.PostAsJsonAsync("/api/credit/subjects/organizations",
            new { creditCode, name = "County People's Hospital" }), HttpStatusCode.Created);
        var unitListing = await BlackListAsync(admin, organization.GetProperty("id").GetGuid());
        await Until(async () =>
        {
            var current = await Expect(await admin.GetAsync($"/api/pairing/civilized-units/{titleId}"), HttpStatusCode.OK);
            return current.GetProperty("status").GetString() == "warned" ? current : (JsonElement?)null;
        }, "the unit's black-listing warns its title");
        // ...the moral-model service suspends the nomination of its person in progress, and bars new ones.
        await Until(async () =>
        {
            var current = await Expect(await admin.GetAsync($"/api/moral-models/nominations/{colleagueNomination}"), HttpStatusCode.OK);
            return current.GetProperty("status").GetString() == "suspended" ? current : (JsonElement?)null;
        }, "the unit's black-listing suspends its person's nomination");
        var barredId = TestIdentities.CitizenId();
        _idNumbers.Add(barredId);
        var barred = await Expect(await unitA.PostAsJsonAsync("/api/moral-models/nominations", new
        {
            roundId, category = "good-person", goodPersonKind = "honesty", nomineeKind = "person", nomineeName = "刘洋",
            idNumber = barredId, unitCode = "UNIT-A", deeds = "Returned a lost purse with 20,000 yuan.",
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(unitListing, barred.GetProperty("listingEntryId").GetGuid());

        // 7. A certificate, verified by anyone.
        var certificate = await Expect(await unitA.PostAsJsonAsync($"/api/volunteers/{nearStar}/certificates",
            new { from = today.AddMonths(-1), to = today, handler = "Li Ming", contact = "0571-88888888" }), HttpStatusCode.Created);
        var verified = await Expect(await fixture.Gateway.GetAsync(
            $"/api/volunteers/public/certificates/{certificate.GetProperty("number").GetString()}" +
            $"?code={certificate.GetProperty("checkCode").GetString()}"),
            HttpStatusCode.OK);
        Assert.Equal(102m, verified.GetProperty("hours").GetDecimal());

        // 8. No response, event body or log line shows any of these ID numbers in clear.
        var events = await OutboxBodiesAsync();
        foreach (var id in _idNumbers)
        {
            Assert.DoesNotContain(_responses, r => r.Contains(id, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(id, events, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(fixture.LogLines, l => l.Contains(id, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task An_objection_filed_today_is_answered_with_its_decision_date_on_the_calendar_of_the_day()
    {
        using var admin = await fixture.ClientAsync("civility-admin");
        var today = fixture.Clock.CountyToday();
        var calendarToday = await Expect(await fixture.Gateway.GetAsync("/api/credit/calendar/today"), HttpStatusCode.OK);
        Assert.Equal(today,
            DateOnly.Parse(calendarToday.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // Next year's notice is not loaded on this stack: its calendar is provisional, not an error.
        var nextYear = await Expect(await fixture.Gateway.GetAsync($"/api/credit/calendar/{today.Year + 1}"), HttpStatusCode.OK);
        Assert.Equal("provisional", nextYear.GetProperty("status").GetString());
        Assert.NotEmpty(nextYear.GetProperty("days").EnumerateArray());
        var overview = await Expect(await fixture.Gateway.GetAsync("/api/credit/calendar"), HttpStatusCode.OK);
        DateOnly? officialThrough = overview.GetProperty("officialThrough").ValueKind == JsonValueKind.Null ? null
            : DateOnly.Parse(overview.GetProperty("officialThrough").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var subject = await Expect(await admin.PostAsJsonAsync("/api/credit/subjects/organizations",
            new { creditCode = TestData.CreditCode(), name = $"Clinic {TestData.Token()}" }), HttpStatusCode.Created);
        var entry = await BlackListAsync(admin, subject.GetProperty("id").GetGuid());
        var objection = await Expect(await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/objections",
            new { filedBy = "The clinic", grounds = "The inspection was of another address." }), HttpStatusCode.Created);
        var decideBy = DateOnly.Parse(objection.GetProperty("decideBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // 20 working days are four weeks at least; counted over a day after the official calendar, the answer says so.
        Assert.True(decideBy >= today.AddDays(28), $"{today} + 20 working days gave {decideBy}");
        Assert.Equal(officialThrough is not { } through || decideBy > through, objection.GetProperty("provisional").GetBoolean());
        var years = objection.GetProperty("calendarYears").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToList();
        Assert.Contains(decideBy.Year, years);
    }

    private async Task<Guid> BlackListAsync(HttpClient admin, Guid subjectId, string tier = "general")
    {
        var today = fixture.Clock.CountyToday();
        var entry = await Expect(await admin.PostAsJsonAsync("/api/credit/entries", new
        {
            subjectId, listType = "black", tier, law = "Regulations on Social Credit", article = "Article 30",
            facts = "Refused a lawful inspection.", decisionNumber = $"XW-{TestData.Token()}", decidingDepartment = "County Health Bureau",
            listingDate = today, publishedFrom = today, publishedUntil = today.AddMonths(tier == "minor" ? 2 : 6),
        }), HttpStatusCode.Created);
        var id = entry.GetProperty("id").GetGuid();
        await Expect(await admin.PostAsJsonAsync($"/api/credit/entries/{id}/notify", new { reason = "Notice served" }), HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync($"/api/credit/entries/{id}/activate", new { reason = "No statement made" }),
            HttpStatusCode.OK);
        return id;
    }

    private async Task<JsonElement> RegisterAsync(HttpClient unit, bool staff = true)
    {
        var idNumber = TestIdentities.CitizenId();
        _idNumbers.Add(idNumber);
        return await Expect(await unit.PostAsJsonAsync("/api/volunteers",
            new { name = "志愿者", idNumber, isStaffOfUnit = staff, phone = "13800001111" }), HttpStatusCode.Created);
    }

    private async Task<Guid> EnsureUnitAsync(HttpClient admin, string code)
    {
        var created = await admin.PostAsJsonAsync("/api/volunteers/units", new { code, name = $"Unit {code}" });
        if (created.StatusCode == HttpStatusCode.Created)
            return (await Expect(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var all = await Expect(await admin.GetAsync("/api/volunteers/units"), HttpStatusCode.OK);
        return all.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            _responses.Add(body);
            Assert.True(response.StatusCode == expected,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: " +
                $"expected {(int)expected}, got {(int)response.StatusCode} {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static async Task<JsonElement> Until(Func<Task<JsonElement?>> probe, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found) return found;
            if (clock.Elapsed > Deadline) throw new TimeoutException($"Gave up after {Deadline}: {what}");
            await Task.Delay(200);
        }
    }

    private async Task<string> OutboxBodiesAsync()
    {
        var superuser = new NpgsqlConnectionStringBuilder(await fixture.ConnectionStringAsync("postgres")) { Database = "civility" };
        await using var connection = new NpgsqlConnection(superuser.ConnectionString);
        await connection.OpenAsync();
        var bodies = new System.Text.StringBuilder();
        foreach (var schema in new[] { "volunteers", "moral_models", "credit", "pairing" })
        {
            await using var command = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(body::text, E'\\n'), '') FROM {schema}.outbox_messages", connection);
            bodies.AppendLine((string)(await command.ExecuteScalarAsync())!);
        }
        return bodies.ToString();
    }
}
