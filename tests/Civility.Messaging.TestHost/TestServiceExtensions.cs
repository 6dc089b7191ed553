using Civility.Data;
using Civility.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Civility.Messaging.TestHost;

public static class TestServiceExtensions
{
    /// <summary>The test service: its database and the messaging backbone exactly as the real services use them.</summary>
    public static IHostApplicationBuilder AddTestService(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["Messaging:ServiceName"] ?? "messaging-test";
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<MessagingTestDbContext>(MessagingTestDbContext.Schema);
        builder.AddCivilityMessaging<MessagingTestDbContext>(serviceName, [typeof(TestEventConsumer)], pingDiagnostics: true);
        return builder;
    }
}
