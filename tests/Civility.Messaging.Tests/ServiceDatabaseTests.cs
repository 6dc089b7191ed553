using Civility.Data;
using Civility.Messaging.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Civility.Messaging.Tests;

/// <summary>How every service talks to its database: pooled contexts whose repeated statements get prepared.</summary>
[Collection(MessagingCollection.Name)]
public sealed class ServiceDatabaseTests(LocalServers servers)
{
    [Fact]
    public async Task A_statement_run_again_and_again_is_prepared_on_the_connection()
    {
        await using var services = await PooledContexts.StartAsync(await servers.CreateDatabaseAsync());

        for (var i = 0; i < 10; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            Assert.Equal(0, await db.Changes.CountAsync(c => c.Note == "nothing like this"));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements",
                (NpgsqlConnection)db.Database.GetDbConnection());
            var prepared = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) prepared.Add(reader.GetString(0));
            Assert.Contains(prepared, statement => statement.Contains("changes", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("Host=db;Database=x", 100, true)]
    [InlineData("Host=db;Database=x;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;Database=x;maxautoprepare=20", 20, true)]
    public void Preparation_is_on_and_reset_off_unless_the_connection_string_says_otherwise(string connectionString, int prepared,
        bool noReset)
    {
        var settings = new NpgsqlConnectionStringBuilder(ServiceDatabaseExtensions.ForPooledUse(connectionString));
        Assert.Equal((prepared, noReset), (settings.MaxAutoPrepare, settings.NoResetOnClose));
    }
}
