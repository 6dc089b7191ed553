using Civility.Data;
using Civility.Messaging.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Civility.Messaging.Tests;

/// <summary>The test context pooled and configured the way every service configures its own, on a migrated database.</summary>
internal static class PooledContexts
{
    public static async Task<ServiceProvider> StartAsync(string database, params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection()
            .AddDbContextPool<MessagingTestDbContext>(options => ServiceDatabaseExtensions
                .Configure(options, ServiceDatabaseExtensions.ForPooledUse(database), MessagingTestDbContext.Schema)
                .AddInterceptors(interceptors))
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>().Database.MigrateAsync();
        return services;
    }
}
