using Civility.CreditList.Jobs;
using Civility.Domain.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Civility.CreditList.Tests;

/// <summary>
/// Real PostgreSQL and RabbitMQ, and the credit-list service on them with a fake clock. Tests of one collection run
/// one after the other, and each sets the county date it needs first.
/// </summary>
public sealed class CreditListServiceFixture : IAsyncLifetime
{
    public LocalServers Servers { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 9, 20, 2, 0, 0, TimeSpan.Zero));

    public ServiceHost<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Service = await ServiceHost<Program>.StartAsync(Servers, "credit",
            new Dictionary<string, string?>
            {
                // The tests run the expiry job themselves; the schedule only runs it once at start.
                ["CreditList:ExpiryInterval"] = "01:00:00",
                ["CreditList:StatementPeriodWorkingDays"] = "5",
                ["CreditList:RepairDecisionWorkingDays"] = "5",
                ["CreditList:RepairMinimumMonths:General"] = "3",
                ["CreditList:RepairMinimumMonths:Serious"] = "12",
            },
            services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Sets the county's date (China Standard Time, 10:00 that day); may go back for a test that needs it.</summary>
    public void SetToday(DateOnly day) => Clock.AdjustTime(CountyClock.StartOfCountyDay(day).AddHours(10).ToUniversalTime());

    public DateOnly Today => Clock.CountyToday();

    public ExpiryJob ExpiryJob => Service.Services.GetRequiredService<ExpiryJob>();

    /// <summary>Outbox rows of one event type whose body mentions <paramref name="entryId"/> (bodies as JSON text).</summary>
    public async Task<List<string>> EventsAsync(string type, Guid entryId)
    {
        await using var connection = new NpgsqlConnection(Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body::text FROM credit.outbox_messages WHERE message_type LIKE @type AND body->>'entryId' = @id ORDER BY sequence",
            connection);
        command.Parameters.AddWithValue("type", $"Civility.Contracts.CreditList.{type},%");
        command.Parameters.AddWithValue("id", entryId.ToString());
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies.Add(reader.GetString(0));
        return bodies;
    }

    /// <summary>Every outbox body, for checks that no personal number leaks into any event.</summary>
    public async Task<List<string>> AllEventBodiesAsync()
    {
        await using var connection = new NpgsqlConnection(Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body::text FROM credit.outbox_messages", connection);
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies.Add(reader.GetString(0));
        return bodies;
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CreditListCollection : ICollectionFixture<CreditListServiceFixture>
{
    public const string Name = "Credit-list service";
}
