using System.Net;

namespace Civility.CreditList.Tests;

/// <summary>
/// Units and partners hold <c>credit.read</c>; the credit office's internal views need <c>credit.internal</c>, which
/// only the admin and the credit office hold.
/// </summary>
[Collection(CreditListCollection.Name)]
public sealed class ScopesTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task Units_and_partners_are_refused_the_internal_views_and_keep_what_they_need()
    {
        using var admin = fixture.Service.Admin();
        var start = new DateOnly(2025, 3, 3);
        var entry = await CreditApi.ActiveBlackEntryAsync(fixture, admin, start);
        var subject = (await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{entry}")).GetProperty("subject");
        var objection = (await CreditApi.FileObjectionAsync(admin, entry)).GetProperty("id").GetGuid();
        string[] internalViews =
        [
            $"/api/credit/entries/{entry}", $"/api/credit/entries?subjectId={subject.GetProperty("id").GetGuid()}",
            "/api/credit/objections", $"/api/credit/objections/{objection}", "/api/credit/repairs",
            "/api/credit/subjects", $"/api/credit/subjects/{subject.GetProperty("id").GetGuid()}",
        ];
        string[] needed =
        [
            $"/api/credit/subjects/{subject.GetProperty("id").GetGuid()}/measures",
            $"/api/credit/public/entries?identifier={subject.GetProperty("identifier").GetString()}",
        ];

        using var unit = fixture.Service.ClientFor("unit-a", "UNIT-A", "credit.read");
        using var partner = fixture.Service.ClientFor("partner-readonly", null, "credit.read");
        using var office = fixture.Service.ClientFor("credit-office", null,
            "credit.read", "credit.internal", "credit.write", "credit.export");
        foreach (var (name, client) in new[] { ("unit-a", unit), ("partner-readonly", partner) })
        {
            foreach (var path in internalViews)
            {
                using var refused = await client.GetAsync(path);
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{name} {path}: {(int)refused.StatusCode}");
            }
            foreach (var path in needed) await CreditApi.GetJsonAsync(client, path);
        }
        foreach (var path in internalViews.Concat(needed)) await CreditApi.GetJsonAsync(office, path);
        var measures = await CreditApi.GetJsonAsync(partner, needed[0]);
        Assert.NotEqual(0, measures.GetProperty("measures").GetArrayLength());
    }
}
