using Civility.Messaging.Outbox;
using Civility.Messaging.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Civility.Messaging.Tests;

/// <summary>
/// The document partners build on is checked against what the services really send: every event type, written to
/// the outbox and published by the relay exactly as a service does, is read raw off a queue bound to the exchange
/// docs/asyncapi.yaml names, and validated against the document's schemas (envelope and payload, no field unnamed).
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class ContractPayloadTests(LocalServers servers)
{
    private static readonly AsyncApiContract Contract = AsyncApiContract.Load();

    [Fact]
    public async Task Every_event_the_outbox_publishes_matches_its_documented_schema_on_the_wire()
    {
        var database = await servers.CreateDatabaseAsync();
        await using var service = await TestService.StartAsync(database, servers.BrokerUri, "contract-test",
            publishes: SampleEvents.EventTypes);

        var factory = new ConnectionFactory { Uri = new Uri(servers.BrokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queues = new Dictionary<Type, string>();
        foreach (var type in SampleEvents.EventTypes)
        {
            Assert.True(Contract.Channels.TryGetValue(type.Name, out var exchange), $"{type.Name} has no channel in docs/asyncapi.yaml");
            // The exchange exists before anything was published: the service declared it at start.
            await channel.ExchangeDeclarePassiveAsync(exchange);
            var queue = (await channel.QueueDeclareAsync(
                $"contract-{type.Name}", durable: false, exclusive: true, autoDelete: true)).QueueName;
            await channel.QueueBindAsync(queue, exchange, routingKey: type == typeof(Contracts.Diagnostics.ServicePinged) ? "all" : "");
            queues[type] = queue;
        }

        await using (var scope = service.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            foreach (var type in SampleEvents.EventTypes) db.AddIntegrationEvent(SampleEvents.Create(type), TimeProvider.System);
            await db.SaveChangesAsync();
        }

        var problems = new List<string>();
        foreach (var (type, queue) in queues)
        {
            BasicGetResult? delivery = null;
            await LocalServers.WaitUntilAsync(async () => (delivery = await channel.BasicGetAsync(queue, autoAck: true)) is not null,
                TimeSpan.FromSeconds(30), $"a {type.Name} on its exchange");
            problems.AddRange(Contract.Validate(type.Name, delivery!.Body.Span).Select(p => $"{type.Name}: {p}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_decimal_quantity_is_a_json_number_on_the_wire_not_a_string()
    {
        var approved = new Contracts.Volunteers.ServiceHoursApproved(Guid.NewGuid(), Guid.NewGuid(), "UNIT-A", 3.00m,
            new DateOnly(2027, 1, 4), "manual");
        var json = System.Text.Json.JsonSerializer.SerializeToNode(approved, Wire.WireFormat.Options)!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, json["hours"]!.GetValueKind());
        // A message written by an earlier version, with the hours as a string, still reads.
        var old = System.Text.Json.JsonSerializer.Deserialize<Contracts.Volunteers.ServiceHoursApproved>(
            json.ToJsonString().Replace("\"hours\":3.00", "\"hours\":\"3.00\"", StringComparison.Ordinal), Wire.WireFormat.Options)!;
        Assert.Equal(3.00m, old.Hours);
    }

    [Fact]
    public void The_validator_refuses_a_payload_that_breaks_the_document()
    {
        // The check above could pass by accepting anything: a string where a number is documented, an undocumented
        // field and a value outside the allowed ones must each be reported.
        var body = """
            {"messageId":"0193e0c2-7a00-7000-8000-000000000001",
            """u8 + """
            "messageType":["urn:message:Civility.Contracts.Volunteers:ServiceHoursApproved"],
             "message":{"eventId":"0193e0c2-7a00-7000-8000-000000000001","occurredAt":"2027-01-04T09:30:00+08:00","version":1,
              "serviceRecordId":"0193e0c2-7a00-7000-8000-000000000002","volunteerId":"0193e0c2-7a00-7000-8000-000000000003",
              "unitCode":"UNIT-A","hours":"3.00","serviceDate":"2027-01-04","source":"carrier-pigeon","surprise":1}}
            """u8;
        var problems = Contract.Validate(nameof(Contracts.Volunteers.ServiceHoursApproved), body);
        Assert.Contains(problems, p => p.Contains("message/hours", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("message/source", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("message/surprise", StringComparison.Ordinal));
    }
}
