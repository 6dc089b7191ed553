using Civility.Data;

namespace Civility.Messaging.TestHost;

public static class TestServiceExtensions
{
    /// <summary>The test service: its database and the messaging backbone exactly as the real services use them.</summary>
    /// <param name="publishes">Event types whose exchanges the service declares at start, as a real service does its own.</param>
    public static IHostApplicationBuilder AddTestService(this IHostApplicationBuilder builder, IReadOnlyCollection<Type>? publishes = null)
    {
        var serviceName = builder.Configuration["Messaging:ServiceName"] ?? "messaging-test";
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<MessagingTestDbContext>(MessagingTestDbContext.Schema);
        builder.AddCivilityMessaging<MessagingTestDbContext>(serviceName, [typeof(TestEventConsumer)], pingDiagnostics: true,
            publishes: publishes);
        return builder;
    }
}
