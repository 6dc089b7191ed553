using System.Net.Http.Json;
using System.Text.Json;
using Civility.Domain.PersonalData;
using Civility.Hosting.PersonalData;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.CreditList.Tests;

/// <summary>A person's ID number goes in once and never comes out unmasked: not in a response, not in an event.</summary>
[Collection(CreditListCollection.Name)]
public sealed class PersonalDataTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task No_response_or_event_of_a_person_s_whole_lifecycle_carries_the_unmasked_number()
    {
        using var admin = fixture.Service.Admin();
        using var anonymous = fixture.Service.Anonymous();
        using var exporter = fixture.Service.ClientFor("county-credit-platform", null, "credit.export");
        var start = new DateOnly(2025, 3, 3);
        fixture.SetToday(start);
        var idNumber = CreditApi.NewCitizenId();
        var bodies = new List<string>();

        using (var created = await admin.PostAsJsonAsync("/api/credit/subjects/people", new { idNumber, name = "Qian Hua" }))
            bodies.Add(await created.Content.ReadAsStringAsync());
        var person = (await CreditApi.GetJsonAsync(admin, $"/api/credit/subjects?name=Qian%20Hua"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var entry = await CreditApi.ProposeAsync(admin, person, "black", "general", start, start.AddMonths(4));
        await CreditApi.ActivateAsync(fixture, admin, entry);
        using (var objection = await admin.PostAsJsonAsync($"/api/credit/entries/{entry}/objections",
            new { filedBy = "Qian Hua", grounds = "Not me." }))
            bodies.Add(await objection.Content.ReadAsStringAsync());
        // Read the events before the clock moves on: the relay deletes published rows a week (of fake time) later.
        var events = new List<string>();
        foreach (var type in new[] { "SubjectBlacklisted", "ListingUnderObjection" })
            events.AddRange(await fixture.EventsAsync(type, entry));
        fixture.SetToday(start.AddMonths(4).AddDays(1));
        await fixture.ExpiryJob.TryRunAsync(CancellationToken.None);
        events.AddRange(await fixture.EventsAsync("ListingLifted", entry));

        foreach (var path in new[] { $"/api/credit/subjects/{person}", $"/api/credit/entries/{entry}",
                     $"/api/credit/entries?subjectId={person}",
                     $"/api/credit/subjects/{person}/measures", $"/api/credit/public/entries?identifier={idNumber}" })
            bodies.Add(await admin.GetStringAsync(path));
        bodies.Add(await exporter.GetStringAsync("/api/credit/export/changes?after=0&limit=10000&format=csv"));
        bodies.Add(await admin.GetStringAsync($"/api/credit/audit?entity=CreditSubject&entityId={person}"));
        bodies.Add(await exporter.GetStringAsync("/api/credit/export/active"));

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Contains(idNumber[^4..], e)); // the masked form is there...
        Assert.All(bodies.Concat(events).Concat(await fixture.AllEventBodiesAsync()),
            body => Assert.DoesNotContain(idNumber, body)); // ...the number is not
        var hash = fixture.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(idNumber);
        Assert.Contains(bodies, b => b.Contains("\"entityId\"") && b.Contains(person.ToString()));
        Assert.All(bodies, body => Assert.DoesNotContain(hash, body)); // the audit trail leaves the lookup hash out too
        Assert.All(events.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("subject")), subject =>
        {
            Assert.Equal("person", subject.GetProperty("kind").GetString());
            Assert.Equal(hash, subject.GetProperty("subjectKeyHash").GetString());
            Assert.Equal(CitizenIdNumber.Mask(idNumber), subject.GetProperty("maskedIdentifier").GetString());
        });
    }
}
