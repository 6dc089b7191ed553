using Civility.Contracts.MoralModels;
using Civility.Domain.PersonalData;
using Civility.Hosting.PersonalData;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.CreditList.Tests;

[Collection(CreditListCollection.Name)]
public sealed class ModelCommendedTests(CreditListServiceFixture fixture)
{
    [Fact]
    public async Task A_commendation_delivered_twice_proposes_one_red_list_entry_awaiting_an_admin()
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(new DateOnly(2025, 5, 12));
        var idNumber = CreditApi.NewCitizenId();
        var hash = fixture.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(idNumber);
        var person = await CreditApi.CreatePersonAsync(admin, idNumber, "Zhao Min");
        var commended = new ModelCommended(Guid.NewGuid(), "good-person", "Zhao Min", CitizenIdNumber.Mask(idNumber), hash, "UNIT-A",
            "County Good Person 2025")
        { OccurredAt = new DateTimeOffset(2025, 5, 12, 2, 0, 0, TimeSpan.Zero) };
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        await bus.Publish(commended, ctx => ctx.MessageId = commended.EventId);
        await bus.Publish(commended, ctx => ctx.MessageId = commended.EventId);
        // The same fact again under a new message id (a producer that re-sent it): still one proposal.
        var resentId = Guid.NewGuid();
        await bus.Publish(commended, ctx => ctx.MessageId = resentId);

        // Both message ids consumed (the duplicate of the first one is dropped by the inbox).
        await Polling.UntilAsync(async () => await InboxCountAsync(commended.EventId, resentId) == 2 ? "consumed" : null,
            TimeSpan.FromSeconds(30), "both deliveries consumed");
        var page = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries?subjectId={person}");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var entry = await CreditApi.GetJsonAsync(admin, $"/api/credit/entries/{page.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        Assert.Equal("red", entry.GetProperty("listType").GetString());
        Assert.Equal("proposed", entry.GetProperty("status").GetString());
        Assert.Equal("moral-models", entry.GetProperty("history")[0].GetProperty("actor").GetString());

        // The admin decides: a decision number and legal basis are needed before the person is notified.
        using var notify = await admin.PostAsync($"/api/credit/entries/{entry.GetProperty("id").GetGuid()}/notify", null);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, notify.StatusCode);
    }

    [Fact]
    public async Task A_commended_person_unknown_here_becomes_a_subject_by_hash_without_the_number()
    {
        using var admin = fixture.Service.Admin();
        fixture.SetToday(new DateOnly(2025, 5, 12));
        var idNumber = CreditApi.NewCitizenId();
        var hash = fixture.Service.Services.GetRequiredService<PersonalDataProtector>().LookupHash(idNumber);
        var commended = new ModelCommended(Guid.NewGuid(), "moral-model", "Sun Li", CitizenIdNumber.Mask(idNumber), hash, null,
            "County Moral Model");
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(commended, ctx => ctx.MessageId = commended.EventId);

        await Polling.UntilAsync(async () => await InboxCountAsync(commended.EventId) == 1 ? "consumed" : null,
            TimeSpan.FromSeconds(30), "the commendation consumed");
        var subjects = await CreditApi.GetJsonAsync(admin, "/api/credit/subjects?name=Sun%20Li");
        Assert.Equal(1, subjects.GetProperty("total").GetInt32());
        Assert.Equal(CitizenIdNumber.Mask(idNumber), subjects.GetProperty("items")[0].GetProperty("identifier").GetString());
        // Registering the same person later finds the same subject.
        using var again = await admin.PostAsync("/api/credit/subjects/people",
            System.Net.Http.Json.JsonContent.Create(new { idNumber, name = "Sun Li" }));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    private async Task<long> InboxCountAsync(params Guid[] messageIds)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM credit.inbox_messages WHERE consumer = 'model-commended' AND message_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", messageIds);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
