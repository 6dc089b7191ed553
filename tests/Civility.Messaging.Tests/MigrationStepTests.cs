using Civility.Data;
using Civility.Messaging.TestHost;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.Tests;

/// <summary>
/// With the migration step (Database:Migrations=External) a replica never migrates: it waits until the step has
/// brought its schema up to date, and stops with the reason if that does not happen in time.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class MigrationStepTests(LocalServers servers)
{
    private static readonly Dictionary<string, string?> External = new() { [ServiceDatabaseExtensions.MigrationsSetting] = "External" };

    [Fact]
    public async Task A_replica_waits_for_the_migration_step_and_starts_once_the_schema_is_up_to_date()
    {
        var database = await servers.CreateDatabaseAsync();
        var starting = TestService.StartAsync(database, servers.BrokerUri, "migration-wait", settings: External);

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(starting.IsCompleted, "the replica started on a schema the migration step had not brought up to date");
        await using (var db = new MessagingTestDbContextFactory().Create(database))
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync()); // it did not migrate by itself

        await using (var step = new MessagingTestDbContextFactory().Create(database))
            await step.Database.MigrateAsync();
        await using var service = await starting.WaitAsync(TimeSpan.FromSeconds(30));
        await service.ProduceAsync(1); // it works on its schema
    }

    [Fact]
    public async Task A_replica_whose_migration_step_never_ran_stops_and_says_why()
    {
        var database = await servers.CreateDatabaseAsync();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestService.StartAsync(database, servers.BrokerUri,
            "migration-never", settings: new Dictionary<string, string?>(External) { ["Database:MigrationWait"] = "00:00:02" }));
        Assert.Contains("did the migration step run?", failure.Message);
    }
}
